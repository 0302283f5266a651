# Swedish for the libraries that ship none (locale/sv/LC_MESSAGES/django.po). The compiled
# .mo is committed, so a machine without gettext runs the site; rebuild it after an edit.
.PHONY: messages
messages: venv
	DEBUG=1 $(BIN)/python manage.py compilemessages --locale sv --ignore .venv
