"""Double-click launcher for Windows: starts Bake Tracker without a console window.

Uses the project's .venv (pythonw) when it exists; run BakeTracker.bat once first to create it.
"""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
VENV_PYTHONW = HERE / ".venv" / "Scripts" / "pythonw.exe"

python = VENV_PYTHONW if VENV_PYTHONW.exists() else Path(sys.executable)
subprocess.Popen([str(python), "-m", "src.app", *sys.argv[1:]], cwd=HERE)
