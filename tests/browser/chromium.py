"""How to launch Debian's Chromium here; shared by the browser tests and make screenshots.

Playwright cannot download its own browser on these machines, so it runs /usr/bin/chromium
with the flags that keep it off the (closed) network.
"""

import os

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
