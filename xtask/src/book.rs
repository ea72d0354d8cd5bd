//! `cargo xtask book`: runs mdBook on the book, with the mdBook version the book is written for,
//! and adds the Korean search index (`korean_search`) to what it builds.
//!
//! An `mdbook` 0.5 on the `PATH` is used as it is. Otherwise the pinned version is installed
//! with `cargo install --locked` into `target/tools/`, inside the workbook, so that nothing
//! outside it changes (it takes a few minutes, once).

pub mod korean_search;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// The mdBook the book is written for.
pub const MDBOOK_VERSION: &str = "0.5.4";

/// The series whose versions can build the book as well.
const COMPATIBLE: &str = "mdbook v0.5.";

/// Finds a suitable mdBook, installing the pinned one if there is none.
pub fn mdbook(root: &Path) -> Result<PathBuf, String> {
    let local = root.join("target/tools/bin/mdbook");
    for candidate in [PathBuf::from("mdbook"), local.clone()] {
        if version_of(&candidate).is_some_and(|v| v.starts_with(COMPATIBLE)) {
            return Ok(candidate);
        }
    }
    eprintln!(
        "installing mdBook {MDBOOK_VERSION} into {} (once; it takes a few minutes)",
        root.join("target/tools").display()
    );
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = Command::new(cargo)
        .args(["install", "mdbook", "--locked", "--version", MDBOOK_VERSION])
        .arg("--root")
        .arg(root.join("target/tools"))
        .status()
        .map_err(|e| format!("cannot run cargo install: {e}"))?;
    if !status.success() {
        return Err(format!(
            "installing mdBook {MDBOOK_VERSION} failed; install it yourself with \
             `cargo install mdbook --locked --version {MDBOOK_VERSION}`"
        ));
    }
    Ok(local)
}

fn version_of(program: &Path) -> Option<String> {
    let output = Command::new(program).arg("--version").output().ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_string())
}

/// Runs `mdbook ARGS...` at the workbook's root. After `build`, writes the Korean search index
/// into the built book; during `serve`, writes it again after each rebuild.
pub fn run(root: &Path, args: &[String]) -> Result<bool, String> {
    let command = args.first().map(String::as_str);
    if command == Some("serve") {
        port_is_free(args)?;
    }
    let mdbook = mdbook(root)?;
    let mut mdbook_command = Command::new(&mdbook);
    mdbook_command.args(args).current_dir(root);
    let cannot_run = |e| format!("cannot run {}: {e}", mdbook.display());
    match command {
        Some("build") => {
            let built = mdbook_command.status().map_err(cannot_run)?.success();
            if built {
                eprintln!("{}", korean_search::write(&output_dir(root, args))?);
            }
            Ok(built)
        }
        Some("serve") => {
            let mut server = mdbook_command.spawn().map_err(cannot_run)?;
            let book = output_dir(root, args);
            // mdBook empties the directory and builds the book again after each change it sees;
            // once a build has settled, the index is written again. A reader who searches in the
            // moment between finds the searcher saying that the index is being built.
            std::thread::spawn(move || {
                loop {
                    match korean_search::refresh(&book, Duration::from_millis(300)) {
                        Ok(Some(done)) => eprintln!("{done}"),
                        Ok(None) => {}
                        Err(e) => eprintln!("the Korean search index was not written: {e}"),
                    }
                    std::thread::sleep(Duration::from_millis(250));
                }
            });
            Ok(server.wait().map_err(cannot_run)?.success())
        }
        _ => Ok(mdbook_command.status().map_err(cannot_run)?.success()),
    }
}

/// Where mdBook writes the book: `--dest-dir` (relative to the workbook's root, where mdBook
/// runs), or `build-dir` in `book.toml`'s `[build]` table, or mdBook's default, `book`.
pub fn output_dir(root: &Path, args: &[String]) -> PathBuf {
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        if arg == "-d" || arg == "--dest-dir" {
            if let Some(dir) = rest.next() {
                return root.join(dir);
            }
        } else if let Some(dir) = arg.strip_prefix("--dest-dir=") {
            return root.join(dir);
        }
    }
    let config = std::fs::read_to_string(root.join("book.toml")).unwrap_or_default();
    root.join(build_dir(&config).unwrap_or_else(|| "book".into()))
}

/// `build-dir` in the `[build]` table of a `book.toml`: `book.toml` writes it as one basic
/// string on one line, which is all this reads (no TOML parser is a dependency of the harness);
/// a test below reads the workbook's own `book.toml` with it.
fn build_dir(config: &str) -> Option<String> {
    let mut table = "";
    for line in config.lines().map(str::trim) {
        if line.starts_with('[') {
            table = line;
        } else if table == "[build]" {
            let Some((key, value)) = line.split_once('=') else {
                continue;
            };
            if key.trim() == "build-dir" {
                let value = value.trim();
                return value
                    .strip_prefix('"')
                    .and_then(|v| v.split_once('"'))
                    .map(|(dir, _)| dir.to_string());
            }
        }
    }
    None
}

/// `mdbook serve` on a port that is taken panics; say what to do instead.
fn port_is_free(args: &[String]) -> Result<(), String> {
    let mut port = 3000;
    let mut host = "localhost".to_string();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let value = |v: Option<&String>| v.cloned().unwrap_or_default();
        match arg.as_str() {
            "-p" | "--port" => {
                port = value(rest.next())
                    .parse()
                    .map_err(|_| "-p needs a port number, e.g. `-p 3001`")?
            }
            "-n" | "--hostname" => host = value(rest.next()),
            _ => {
                if let Some(p) = arg.strip_prefix("--port=") {
                    port = p.parse().map_err(|_| "--port needs a number")?;
                }
            }
        }
    }
    match std::net::TcpListener::bind((host.as_str(), port)) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => Err(format!(
            "port {port} is taken (is the book already being served?): open the page that is \
             already there, or serve on another port: `cargo xtask book serve --open -p {}`",
            port + 1
        )),
        Err(e) => Err(format!("cannot serve on {host}:{port}: {e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_book_is_built_where_book_toml_says() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
        assert_eq!(output_dir(root, &[]), root.join("target/book"));
        let args = ["serve", "-d", "elsewhere"].map(String::from);
        assert_eq!(output_dir(root, &args), root.join("elsewhere"));
        assert_eq!(build_dir("[book]\nbuild-dir = \"no\"\n"), None);
        assert_eq!(
            build_dir("[build]\nbuild-dir = \"out\" # here\n[x]\n").as_deref(),
            Some("out")
        );
    }

    #[test]
    fn a_taken_port_is_named_with_a_way_out() {
        let taken = std::net::TcpListener::bind(("localhost", 0)).unwrap();
        let port = taken.local_addr().unwrap().port().to_string();
        let args: Vec<String> = ["serve", "-p", &port].map(String::from).to_vec();
        let error = port_is_free(&args).unwrap_err();
        assert!(error.contains(&format!("port {port} is taken")), "{error}");
        assert!(error.contains("-p "), "{error}");
    }
}
