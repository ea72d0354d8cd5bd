//! start_unix_server and open_unix_connection in smol: a Unix socket, and the file it leaves.
//!
//! `smol::net::unix` has `UnixListener` and `UnixStream`, used as the TCP ones are, with a path
//! for an address. Binding makes a socket file at that path, and closing the listener leaves the
//! file there, so binding the same path again fails until the file is removed. asyncio 3.11 leaves
//! the file too, but removes an old socket file before it binds. Run it with
//! `cargo run --example phrase_unix_socket`.

use smol::LocalExecutor;
use smol::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use smol::net::unix::{UnixListener, UnixStream};
use workbook::say;

fn main() -> std::io::Result<()> {
    let dir = std::env::temp_dir().join(format!("phrase_unix_socket-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let ex = LocalExecutor::new();
    let result = smol::block_on(ex.run(async {
        // ANCHOR: main
        let path = dir.join("echo.sock");
        // asyncio.start_unix_server(handle, path), for one client
        let listener = UnixListener::bind(&path)?;
        let server = ex.spawn(async move {
            let (mut stream, _) = listener.accept().await?;
            let mut line = String::new();
            BufReader::new(stream.clone()).read_line(&mut line).await?;
            stream.write_all(line.to_uppercase().as_bytes()).await
        }); // the listener is dropped when this task ends: server.close()

        // asyncio.open_unix_connection(path)
        let mut client = UnixStream::connect(&path).await?;
        client.write_all(b"hello\n").await?;
        let mut answer = String::new();
        BufReader::new(client).read_line(&mut answer).await?;
        say!("client: got {:?}", answer.trim_end());
        server.await?;

        say!(
            "server closed; the socket file is still there: {}",
            path.exists()
        );
        match UnixListener::bind(&path) {
            Ok(_) => say!("bind again: ok"),
            Err(e) => say!("bind again: {:?}", e.kind()),
        }
        std::fs::remove_file(&path)?;
        let _listener = UnixListener::bind(&path)?;
        say!("bind after remove_file: ok");
        // ANCHOR_END: main
        Ok(())
    }));
    std::fs::remove_dir_all(&dir)?;
    result
}
