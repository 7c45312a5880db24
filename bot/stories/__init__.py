"""What a chat is shown of threads: the newest development with what is new to the chat
(``latest``), a digest's short block per thread, a thread's timeline. Platform-neutral:
stored developments and what the chat was sent in, reply parts out."""
