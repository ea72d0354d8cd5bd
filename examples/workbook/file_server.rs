//! The downloader project's test server (ex17_downloader): being written.
