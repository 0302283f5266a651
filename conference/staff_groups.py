"""The two staff roles, as Django groups with model permissions.

"Redaktör" edits, publishes and loads content; "Läsare" only reads it. Neither gets any
permission on users or groups: managing accounts stays with superusers.
"""

EDITOR_GROUP = "Redaktör"
READER_GROUP = "Läsare"

CONTENT_APPS = ("conference", "sessions_app", "speakers_app")

# Reference data (the official municipality list) is only read by staff; so are the
# records of document loads, which only loading writes.
READ_ONLY_MODELS = {("conference", "municipality"), ("conference", "documentload")}

# Parts of an event or session that an editor removes when the loader got them wrong
# (a mis-extracted key figure, a surplus content block). Events, sessions and people
# are unpublished or erased instead of deleted.
DELETABLE_PARTS = {
    ("conference", "eventperson"),
    ("conference", "keyfigure"),
    ("sessions_app", "sessionspeaker"),
    ("sessions_app", "contentblock"),
    ("sessions_app", "quote"),
}

PUBLISH_PERMISSIONS = {
    ("conference", "publish_event"),
    ("sessions_app", "publish_session"),
}
LOAD_PERMISSIONS = {("conference", "load_documentation")}


def editor_codenames(app_label: str, model_name: str) -> set[str]:
    """Return the permission codenames a Redaktör has on one model."""
    if (app_label, model_name) in READ_ONLY_MODELS:
        return {f"view_{model_name}"}
    codenames = {f"view_{model_name}", f"add_{model_name}", f"change_{model_name}"}
    if (app_label, model_name) in DELETABLE_PARTS:
        codenames.add(f"delete_{model_name}")
    return codenames


def sync_staff_groups(*, apps) -> None:
    """Create or update both groups from the content models of ``apps``.

    ``apps`` is a migration's app registry or the live one; history models
    (``historical…``) are left out because the admin checks the model's own
    permissions for its history pages.
    """
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    editor_perms = []
    reader_perms = []
    for app_label in CONTENT_APPS:
        for model in apps.get_app_config(app_label).get_models():
            model_name = model._meta.model_name
            if model_name.startswith("historical"):
                continue
            in_model = Permission.objects.filter(
                content_type__app_label=app_label,
                content_type__model=model_name,
            )
            reader_perms += in_model.filter(codename=f"view_{model_name}")
            editor_perms += in_model.filter(
                codename__in=editor_codenames(app_label, model_name)
            )
    for app_label, codename in PUBLISH_PERMISSIONS | LOAD_PERMISSIONS:
        editor_perms += Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        )

    editor, _ = Group.objects.get_or_create(name=EDITOR_GROUP)
    editor.permissions.set(editor_perms)
    reader, _ = Group.objects.get_or_create(name=READER_GROUP)
    reader.permissions.set(reader_perms)
