"""python -m src.cli"""

from src.cli import main

raise SystemExit(main())
