# The judge's test listens on this loopback port on the host: connecting must fail (no network).
import socket
port = int(input())
try:
    with socket.create_connection(("127.0.0.1", port), timeout=1):
        print("connected")
except OSError:
    print("ok")
