"""The projects done in Enschede with European subsidies, as the City of Enschede's
page on international cooperation lists them. The page gives no budget, EU
contribution, programme or dates: those fields stay empty for the liaison officer.

Enschede takes part as a partner, not as lead: the page says the projects were done in
Enschede with European subsidies, but not who led them.
"""

from twente.initial_data.text import Text

_ENSCHEDE_PARTICIPANT = [{"municipality": "enschede", "role": "partner"}]

PROJECTS = [
    {
        "slug": "stadsbeek-stadsveld",
        "title": Text(
            "De Stadsbeek in Stadsveld", "The Stadsbeek in Stadsveld", "Der Stadsbeek in Stadsveld"
        ),
        "status": "completed",
        # The Stadsveld district of Enschede.
        "latitude": "52.216500",
        "longitude": "6.865000",
        "themes": ["water", "climate-adaptation"],
        "municipalities": ["enschede"],
        "participants": _ENSCHEDE_PARTICIPANT,
        "summary": Text(
            "Een stadsbeek in de Enschedese wijk Stadsveld, aangelegd met Europese subsidie, waarmee "
            "de gemeente de afvoer van water beter kan regelen.",
            "An urban stream in Enschede's Stadsveld district, built with European subsidies, that "
            "lets the municipality manage the drainage of water better.",
            "Ein Stadtbach im Enscheder Stadtteil Stadsveld, mit europäischen Fördermitteln angelegt, "
            "mit dem die Gemeinde den Wasserabfluss besser regeln kann.",
        ),
        "description": Text(
            "De Stadsbeek in Stadsveld is een van de projecten die in Enschede met Europese subsidies "
            "zijn gedaan. Met de beek kan de gemeente de afvoer van water beter regelen. Het project "
            "past bij de ambitie om een duurzame waterbalans te behouden en de gevolgen van "
            "klimaatverandering, samen met andere Europese steden, beter aan te pakken.",
            "The Stadsbeek (urban stream) in Stadsveld is one of the projects done in Enschede with "
            "European subsidies. With the stream the municipality can manage the drainage of water "
            "better. The project fits the ambition to maintain a sustainable water balance and, "
            "together with other European cities, to tackle the consequences of climate change "
            "better.",
            "Der Stadsbeek (Stadtbach) in Stadsveld ist eines der Projekte, die in Enschede mit "
            "europäischen Fördermitteln umgesetzt wurden. Mit dem Bach kann die Gemeinde den "
            "Wasserabfluss besser regeln. Das Projekt passt zum Ziel, einen nachhaltigen "
            "Wasserhaushalt zu erhalten und die Folgen des Klimawandels gemeinsam mit anderen "
            "europäischen Städten besser anzugehen.",
        ),
    },
    {
        "slug": "duurzame-straatverlichting-enschede",
        "title": Text(
            "Nieuwe, duurzamere straatverlichting",
            "New, more sustainable street lighting",
            "Neue, nachhaltigere Straßenbeleuchtung",
        ),
        "status": "completed",
        # City-wide: the centre of Enschede.
        "latitude": "52.221500",
        "longitude": "6.893700",
        "themes": ["energy", "sustainability"],
        "municipalities": ["enschede"],
        "participants": _ENSCHEDE_PARTICIPANT,
        "summary": Text(
            "Nieuwe, veel duurzamere straatverlichting in heel Enschede, aangelegd met Europese subsidie.",
            "New, much more sustainable street lighting across the whole of Enschede, installed with "
            "European subsidies.",
            "Neue, viel nachhaltigere Straßenbeleuchtung in ganz Enschede, mit europäischen "
            "Fördermitteln eingerichtet.",
        ),
        "description": Text(
            "In de hele stad Enschede kwam nieuwe, veel duurzamere straatverlichting. Het is een van "
            "de voorbeelden van projecten die in Enschede met Europese subsidies zijn gedaan. De "
            "gemeente ziet de EU als een hulp om haar doelen te bereiken, en door meer contact met de "
            "EU weet zij ook hoe zij Europese subsidies kan krijgen.",
            "New, much more sustainable street lighting was installed across the whole city of "
            "Enschede. It is one of the examples of projects done in Enschede with European "
            "subsidies. The municipality sees the EU as a help in reaching its goals, and through "
            "closer contact with the EU it also knows how to obtain European subsidies.",
            "In der ganzen Stadt Enschede wurde eine neue, viel nachhaltigere Straßenbeleuchtung "
            "eingerichtet. Sie ist eines der Beispiele für Projekte, die in Enschede mit europäischen "
            "Fördermitteln umgesetzt wurden. Die Gemeinde sieht in der EU eine Hilfe, ihre Ziele zu "
            "erreichen, und durch engeren Kontakt mit der EU weiß sie auch, wie sie europäische "
            "Fördermittel erhält.",
        ),
    },
    {
        "slug": "euregionaal-doorlopende-leerlijn-edl",
        "title": Text(
            "Euregionaal doorlopende leerlijn (EDL)",
            "Euregional continuous learning pathway (EDL)",
            "Euregionale durchgehende Lernlinie (EDL)",
        ),
        "status": "completed",
        # No place is given beyond Enschede: the centre of Enschede.
        "latitude": "52.221500",
        "longitude": "6.893700",
        "themes": ["education", "language-and-culture"],
        "municipalities": ["enschede"],
        "participants": _ENSCHEDE_PARTICIPANT,
        "summary": Text(
            "Jongeren in Nederland en Duitsland leren elkaars taal en cultuur; een project dat in "
            "Enschede met Europese subsidie is gedaan.",
            "Young people in the Netherlands and Germany learn each other's language and culture; a "
            "project done in Enschede with European subsidies.",
            "Junge Menschen in den Niederlanden und in Deutschland lernen die Sprache und Kultur des "
            "Nachbarlandes; ein Projekt, das in Enschede mit europäischen Fördermitteln umgesetzt "
            "wurde.",
        ),
        "description": Text(
            "In de Euregionaal doorlopende leerlijn (EDL) leren jongeren in Nederland en Duitsland "
            "elkaars taal en cultuur. Het is een van de projecten die in Enschede met Europese "
            "subsidies zijn gedaan. Het sluit aan bij het streven om grensbarrières weg te nemen en "
            "van de grens een troef te maken.",
            "In the Euregional continuous learning pathway (EDL), young people in the Netherlands and "
            "Germany learn each other's language and culture. It is one of the projects done in "
            "Enschede with European subsidies. It fits the aim of removing border barriers and making "
            "the border an asset.",
            "In der euregionalen durchgehenden Lernlinie (EDL) lernen junge Menschen in den "
            "Niederlanden und in Deutschland die Sprache und Kultur des Nachbarlandes. Sie ist eines "
            "der Projekte, die in Enschede mit europäischen Fördermitteln umgesetzt wurden. Sie passt "
            "zum Ziel, Grenzhindernisse abzubauen und die Grenze zum Vorteil zu machen.",
        ),
    },
]
