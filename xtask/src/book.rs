//! `cargo xtask book`: runs mdBook on the book, with the mdBook version the book is written for.
//!
//! An `mdbook` 0.5 on the `PATH` is used as it is. Otherwise the pinned version is installed
//! with `cargo install --locked` into `target/tools/`, inside the workbook, so that nothing
//! outside it changes (it takes a few minutes, once).

use std::path::{Path, PathBuf};
use std::process::Command;

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

/// Runs `mdbook ARGS...` at the workbook's root.
pub fn run(root: &Path, args: &[String]) -> Result<bool, String> {
    if args.first().is_some_and(|a| a == "serve") {
        port_is_free(args)?;
    }
    let mdbook = mdbook(root)?;
    let status = Command::new(&mdbook)
        .args(args)
        .current_dir(root)
        .status()
        .map_err(|e| format!("cannot run {}: {e}", mdbook.display()))?;
    Ok(status.success())
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
    fn a_taken_port_is_named_with_a_way_out() {
        let taken = std::net::TcpListener::bind(("localhost", 0)).unwrap();
        let port = taken.local_addr().unwrap().port().to_string();
        let args: Vec<String> = ["serve", "-p", &port].map(String::from).to_vec();
        let error = port_is_free(&args).unwrap_err();
        assert!(error.contains(&format!("port {port} is taken")), "{error}");
        assert!(error.contains("-p "), "{error}");
    }
}
