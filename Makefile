.PHONY: setup run test bench screenshots lint

setup:
	bash scripts/setup.sh

run: setup
	.venv/bin/python main.py

test: setup
	bash scripts/test.sh

lint:
	.venv/bin/ruff check . && .venv/bin/ruff format --check .

bench: setup
	QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench

screenshots: setup
	xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python scripts/screenshots.py
