import factory
from factory.django import DjangoModelFactory

from speakers_app.models import Person


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Person Nummer{n}")
    slug = factory.Sequence(lambda n: f"person-nummer{n}")
    title = "Utvecklingsledare"
    organization = "Göteborgsregionen"
