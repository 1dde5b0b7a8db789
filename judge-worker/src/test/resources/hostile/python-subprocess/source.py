# subprocess and os.system run inside the sandbox only: nothing secret is readable from there.
import os
import subprocess
out = subprocess.run(["/bin/sh", "-c", "cat /etc/shadow 2>/dev/null && echo leaked; touch /usr/x 2>/dev/null && echo leaked; true"],
                     capture_output=True, text=True).stdout
status = os.system("cat /etc/shadow > /dev/null 2>&1")
print("ok" if "leaked" not in out and status != 0 else "escaped " + out)
