@echo off
rem Double-click launcher for Windows: creates .venv on first use, then starts Bake Tracker.
cd /d "%~dp0"
if not exist ".venv\Scripts\python.exe" (
  echo Setting up Bake Tracker for the first time...
  py -3.11 -m venv .venv || python -m venv .venv || goto :error
  ".venv\Scripts\python.exe" -m pip install --quiet --disable-pip-version-check -r requirements.txt || goto :error
)
start "" ".venv\Scripts\pythonw.exe" -m src.app %*
exit /b 0
:error
echo Could not set up Bake Tracker. Python 3.11 is needed: https://www.python.org/downloads/
pause
exit /b 1
