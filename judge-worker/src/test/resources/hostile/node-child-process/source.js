// child_process runs inside the sandbox only: reading the shadow file must fail.
const { execSync } = require('child_process');
let leaked = false;
try { execSync('cat /etc/shadow', { stdio: 'pipe' }); leaked = true; } catch (e) { /* expected */ }
try { execSync('touch /prog/x', { stdio: 'pipe' }); leaked = true; } catch (e) { /* expected */ }
console.log(leaked ? 'escaped' : 'ok');
