# Screenshots of the public pages at 375 px and 1280 px wide, written to screenshots/.
.PHONY: screenshots

screenshots: venv browser-deps
	$(BIN)/python scripts/screenshots.py --out screenshots
