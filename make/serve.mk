# `make serve`: the production way to serve (gunicorn, WhiteNoise, settings from the
# environment). See docs/production.md.
.PHONY: serve

serve: venv
	scripts/serve.sh
