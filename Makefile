.PHONY: setup run test lint format worker beat bench

setup:
	scripts/setup

## The portal with the demo trust on the embedded default, at http://127.0.0.1:8000
run: setup
	scripts/run-local

## Lint, migration and deployment checks, and the whole test suite
test: setup
	scripts/test

lint:
	.venv/bin/python -m ruff check .
	.venv/bin/python -m ruff format --check .

format:
	.venv/bin/python -m ruff format .
	.venv/bin/python -m ruff check --fix .

worker:
	.venv/bin/python -m celery -A trust_portal worker --loglevel=info --concurrency=2

beat:
	.venv/bin/python -m celery -A trust_portal beat --loglevel=info

## Letters benchmark on a generated trust of 120 schools, in a throwaway database, with real workers
bench: setup
	.venv/bin/python manage.py bench_letters --schools 120
