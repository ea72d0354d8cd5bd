//! The definitions of Python files, read by Python itself: its `ast` module parses each file as
//! the interpreter would, so a `def` in a string or a comment is never taken for one. One run
//! of `python3` reads every file asked for.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use super::Definitions;

/// Prints, as JSON, each file's functions and classes (nested ones too) and each class's methods.
const READ: &str = r#"
import ast, json, sys
found = {}
for path in sys.argv[1:]:
    try:
        with open(path, encoding="utf-8") as f:
            tree = ast.parse(f.read())
    except (OSError, SyntaxError, ValueError):
        continue
    items, blocks = [], []
    functions = (ast.FunctionDef, ast.AsyncFunctionDef)
    for node in ast.walk(tree):
        if isinstance(node, functions):
            items.append(["def", node.name])
        elif isinstance(node, ast.ClassDef):
            items.append(["class", node.name])
            methods = [n.name for n in node.body if isinstance(n, functions)]
            blocks.append([[node.name], methods])
    found[path] = {"items": items, "blocks": blocks}
print(json.dumps(found))
"#;

/// The definitions of each of `files` that exists and parses (a file that does not is left out),
/// read by the interpreter `python`.
pub(super) fn definitions(python: &Path, files: &[&PathBuf]) -> HashMap<PathBuf, Definitions> {
    let output = Command::new(python)
        .arg("-c")
        .arg(READ)
        .args(files)
        .output();
    let Ok(output) = output else {
        return HashMap::new();
    };
    let json: Value = serde_json::from_slice(&output.stdout).unwrap_or(Value::Null);
    let Some(found) = json.as_object() else {
        return HashMap::new();
    };
    let strings = |v: &Value| -> Vec<String> {
        v.as_array()
            .into_iter()
            .flatten()
            .filter_map(|s| s.as_str().map(str::to_string))
            .collect()
    };
    found
        .iter()
        .map(|(path, defs)| {
            let items = defs["items"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|pair| {
                    let kind = match pair[0].as_str()? {
                        "class" => "class",
                        _ => "def",
                    };
                    Some((kind, pair[1].as_str()?.to_string()))
                })
                .collect();
            let blocks = defs["blocks"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|block| (strings(&block[0]), strings(&block[1])))
                .collect();
            let defs = Definitions {
                items,
                blocks,
                block_word: "class",
            };
            (PathBuf::from(path), defs)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Language;

    #[test]
    fn python_methods_are_found_in_their_class_and_strings_are_not_code() {
        let dir = std::env::temp_dir().join(format!("python-defs-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("tasks.py");
        std::fs::write(
            &file,
            "class Task(Future):\n    def __step(self):\n        pass\n\n    \
             async def run(self):\n        x = '''\ndef fake():\n'''\n\ndef sleep():\n    pass\n",
        )
        .unwrap();
        let found = definitions(Path::new("python3"), &[&file]);
        let _ = std::fs::remove_dir_all(&dir);
        let defs = &found[&file];
        for name in ["Task.__step", "Task.run", "sleep", "Task"] {
            assert!(defs.defines(name, Language::Python).is_ok(), "{name}");
        }
        for name in ["Task.sleep", "fake"] {
            assert!(defs.defines(name, Language::Python).is_err(), "{name}");
        }
    }
}
