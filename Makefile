# One entry point for the project's tasks. See README.md.
.PHONY: setup run test bench lint pytest clean

setup:  ## virtual environment with Odoo's and the project's requirements
	bash scripts/setup.sh

run:  ## database `scm` with every addon and its demo data, served on :8069
	bash scripts/run.sh

test:  ## fresh test database, every addon's tests, "N passed, N failed"
	bash scripts/test.sh

bench:  ## performance against Odoo's CRM at 1k and 20k records (SCM_BENCH_SIZES=1000,20000,100000)
	bash scripts/bench.sh

pytest:  ## quick runs on an installed database: make pytest ARGS=addons/scm_base/tests
	bash scripts/pytest.sh $(ARGS)

lint:  ## ruff and pylint-odoo through pre-commit
	bash scripts/lint.sh

clean:
	rm -rf var/test-*.log var/filestore-scm_test*
