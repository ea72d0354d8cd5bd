//! The chat project's scripted clients (ex22_chat_server): being written.
