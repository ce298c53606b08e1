"""Run every benchmark under bench/ in turn; each prints its own figures."""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

for script in sorted(HERE.glob("*.py")):
    # generate.py and load.py need PostgreSQL and run on their own (see README.md).
    if script.name in ("run.py", "generate.py", "load.py"):
        continue
    print(f"== {script.stem}", flush=True)
    subprocess.run([sys.executable, str(script)], check=True)
