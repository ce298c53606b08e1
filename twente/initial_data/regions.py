"""Themes, clusters, municipalities, regions and innovation districts named by the
source documents. Every fact comes from those documents, except public place facts
(coordinates, province, the municipality a district lies in, official websites)."""

from regions.geo import twente_municipality_codes
from twente.initial_data.text import Text

THEMES = [
    {
        "slug": "environment",
        "name": Text("Milieu", "Environment", "Umwelt"),
        "description": Text(
            "Milieu is een van de terreinen waarop Twente laat zien dat en hoe de regio kan bijdragen "
            "aan oplossingen voor Europese uitdagingen. Dat verhaal vertellen Enschede en de Twente "
            "Board ook in Brussel; de Europese Green Deal gaat over dezelfde onderwerpen.",
            "The environment is one of the fields in which Twente shows that, and how, the region can "
            "help solve European challenges. Enschede and the Twente Board tell that story in Brussels "
            "too; the European Green Deal covers the same subjects.",
            "Umwelt ist eines der Felder, auf denen Twente zeigt, dass und wie die Region zu Lösungen "
            "für europäische Herausforderungen beitragen kann. Diese Geschichte erzählen Enschede und "
            "das Twente Board auch in Brüssel; der europäische Green Deal behandelt dieselben Themen.",
        ),
    },
    {
        "slug": "energy",
        "name": Text("Energie", "Energy", "Energie"),
        "description": Text(
            "Twente zet innovatie in om de energietransitie te realiseren en is de thuisbasis van "
            "energie-innovaties, waaronder een grensoverschrijdend batterijcluster en een "
            "waterstofhub. Met een integrale wijkaanpak wordt de woningvoorraad gerenoveerd om "
            "energiearmoede aan te pakken en de transitie te versnellen.",
            "Twente uses innovation to achieve the energy transition and is home to energy "
            "innovations, including a cross-border battery cluster and a hydrogen hub. With an "
            "integrated district approach the housing stock is being renovated to tackle energy "
            "poverty and speed up the transition.",
            "Twente nutzt Innovation, um die Energiewende umzusetzen, und ist die Heimat von "
            "Energieinnovationen, darunter ein grenzüberschreitender Batteriecluster und ein "
            "Wasserstoff-Hub. Mit einem integrierten Quartiersansatz wird der Wohnungsbestand "
            "saniert, um Energiearmut zu bekämpfen und die Wende zu beschleunigen.",
        ),
    },
    {
        "slug": "sustainability",
        "name": Text("Duurzaamheid", "Sustainability", "Nachhaltigkeit"),
        "description": Text(
            "Netwerkstad Twente streeft naar levendige, inclusieve en duurzame steden waar inwoners "
            "zich veilig en gezond voelen. Samen met Münster en Osnabrück werkt het aan een duurzaam "
            "en slim mobiliteitssysteem, en in Enschede kwam met Europese subsidie veel duurzamere "
            "straatverlichting in de hele stad.",
            "Netwerkstad Twente strives for vibrant, inclusive and sustainable cities where citizens "
            "feel safe and healthy. Together with Münster and Osnabrück it works on a sustainable and "
            "smart mobility system, and Enschede installed much more sustainable street lighting "
            "across the whole city with European subsidies.",
            "Netwerkstad Twente strebt lebendige, inklusive und nachhaltige Städte an, in denen sich "
            "die Bürgerinnen und Bürger sicher und gesund fühlen. Gemeinsam mit Münster und Osnabrück "
            "arbeitet es an einem nachhaltigen und intelligenten Mobilitätssystem, und Enschede hat "
            "mit europäischen Fördermitteln in der ganzen Stadt eine viel nachhaltigere "
            "Straßenbeleuchtung eingerichtet.",
        ),
    },
    {
        "slug": "health",
        "name": Text("Gezondheid", "Health", "Gesundheit"),
        "description": Text(
            "Gezondheid is een van de twee domeinen van Regio Twente, waartoe de GGD Twente behoort: "
            "voor veel mensen de vertrouwde plek voor vaccinaties voor een reis. Netwerkstad Twente "
            "wil steden waarin inwoners zich veilig en gezond voelen.",
            "Health is one of the two domains of Regio Twente, which includes GGD Twente, for many "
            "people the familiar place for vaccinations before travelling. Netwerkstad Twente wants "
            "cities in which citizens feel safe and healthy.",
            "Gesundheit ist einer der beiden Bereiche der Regio Twente, zu der die GGD Twente gehört, "
            "für viele die vertraute Anlaufstelle für Reiseimpfungen. Netwerkstad Twente will Städte, "
            "in denen sich die Bürgerinnen und Bürger sicher und gesund fühlen.",
        ),
    },
    {
        "slug": "mobility",
        "name": Text("Mobiliteit", "Mobility", "Mobilität"),
        "description": Text(
            "De steden van Twente zijn stedelijke en logistieke knooppunten in het Europese "
            "mobiliteitsnetwerk, aan de Noordzee-Oostzeecorridor. Binnen het Europese TEN-T-netwerk "
            "wordt gewerkt aan betere (spoor)verbindingen tussen Zwolle, Twente en Münster en tussen "
            "Amsterdam en Berlijn. In de Spoorzones komen mobiliteit en duurzame verstedelijking "
            "samen, en met Münster en Osnabrück werkt Netwerkstad Twente aan een duurzaam en slim "
            "mobiliteitssysteem.",
            "The cities of Twente are urban and logistical nodes in the European mobility network, "
            "on the North Sea-Baltic Corridor. Within the European TEN-T network work is under way "
            "on better (rail) connections between Zwolle, Twente and Münster and between Amsterdam "
            "and Berlin. In the 'Spoorzones' (railway zones) mobility and sustainable urbanisation "
            "come together, and with Münster and Osnabrück Netwerkstad Twente works on a sustainable "
            "and smart mobility system.",
            "Die Städte Twentes sind städtische und logistische Knotenpunkte im europäischen "
            "Mobilitätsnetz, am Nordsee-Ostsee-Korridor. Im europäischen TEN-V-Netz wird an besseren "
            "(Bahn-)Verbindungen zwischen Zwolle, Twente und Münster sowie zwischen Amsterdam und "
            "Berlin gearbeitet. In den „Spoorzones“ (Bahnhofsquartieren) treffen Mobilität und "
            "nachhaltige Stadtentwicklung zusammen, und mit Münster und Osnabrück arbeitet "
            "Netwerkstad Twente an einem nachhaltigen und intelligenten Mobilitätssystem.",
        ),
    },
    {
        "slug": "water",
        "name": Text("Water", "Water", "Wasser"),
        "description": Text(
            "Netwerkstad Twente werkt met innovatieve oplossingen aan een duurzame waterbalans in de "
            "steden. Met de stad Münster werkt Twente aan gedeelde vraagstukken in het waterbeheer. "
            "In Enschede regelt de Stadsbeek in Stadsveld, aangelegd met Europese subsidie, de "
            "afvoer van water beter.",
            "Netwerkstad Twente uses innovative solutions to maintain a sustainable water balance in "
            "its cities. With the city of Münster, Twente works on shared issues in water management. "
            "In Enschede the Stadsbeek in Stadsveld, built with European subsidies, handles the "
            "drainage of water better.",
            "Netwerkstad Twente arbeitet mit innovativen Lösungen an einem nachhaltigen Wasserhaushalt "
            "in den Städten. Mit der Stadt Münster bearbeitet Twente gemeinsame Fragen der "
            "Wasserwirtschaft. In Enschede regelt der mit europäischen Fördermitteln angelegte "
            "Stadsbeek in Stadsveld den Wasserabfluss besser.",
        ),
    },
    {
        "slug": "education",
        "name": Text("Onderwijs", "Education", "Bildung"),
        "description": Text(
            "Met een toonaangevende technische universiteit en meerdere hogescholen is Twente een "
            "regio van talent en kennis. In de Euregionaal doorlopende leerlijn (EDL) leren jongeren "
            "in Nederland en Duitsland elkaars taal en cultuur.",
            "With a leading technical university and several universities of applied sciences, "
            "Twente is a region of talent and knowledge. In the Euregional continuous learning "
            "pathway (EDL), young people in the Netherlands and Germany learn each other's language "
            "and culture.",
            "Mit einer führenden technischen Universität und mehreren Hochschulen ist Twente eine "
            "Region des Talents und des Wissens. In der euregionalen durchgehenden Lernlinie (EDL) "
            "lernen junge Menschen in den Niederlanden und in Deutschland die Sprache und Kultur des "
            "Nachbarlandes.",
        ),
    },
    {
        "slug": "climate-adaptation",
        "name": Text("Klimaatadaptatie", "Climate adaptation", "Klimaanpassung"),
        "description": Text(
            "Twente wil voorop lopen in de aanpassing aan klimaatverandering en zoekt steeds nieuwe "
            "manieren om hitte in de stad aan te pakken, een duurzame waterbalans te behouden en de "
            "steden te vergroenen. Samen met andere Europese steden kan Enschede de gevolgen van "
            "klimaatverandering beter aanpakken.",
            "Twente aims to be a frontrunner in adapting to climate change and keeps looking for new "
            "ways to tackle urban heating, maintain a sustainable water balance and green its cities. "
            "Together with other European cities, Enschede can better tackle the consequences of "
            "climate change.",
            "Twente will Vorreiter bei der Anpassung an den Klimawandel sein und sucht ständig neue "
            "Wege, die Überhitzung der Städte zu bekämpfen, einen nachhaltigen Wasserhaushalt zu "
            "erhalten und die Städte zu begrünen. Gemeinsam mit anderen europäischen Städten kann "
            "Enschede die Folgen des Klimawandels besser angehen.",
        ),
    },
    {
        "slug": "energy-poverty",
        "name": Text("Energiearmoede", "Energy poverty", "Energiearmut"),
        "description": Text(
            "Netwerkstad Twente bestrijdt energiearmoede in zijn steden. Met een integrale wijkaanpak "
            "wordt de woningvoorraad gerenoveerd om energiearmoede aan te pakken en de "
            "energietransitie te versnellen.",
            "Netwerkstad Twente fights energy poverty in its cities. With an integrated district "
            "approach the housing stock is being renovated to tackle energy poverty and speed up the "
            "energy transition.",
            "Netwerkstad Twente bekämpft die Energiearmut in seinen Städten. Mit einem integrierten "
            "Quartiersansatz wird der Wohnungsbestand saniert, um Energiearmut zu bekämpfen und die "
            "Energiewende zu beschleunigen.",
        ),
    },
    {
        "slug": "smart-city",
        "name": Text("Slimme stad en data", "Smart city and data", "Smart City und Daten"),
        "description": Text(
            "Een stad produceert veel data en is er ook een opslagplaats van; Enschede wil daarin zelf "
            "een sterke positie innemen en profileert zich daarom als Smart City. Onder 'Smart "
            "Enschede' worden de sterke punten gebundeld. De gemeente ontwikkelde een Smart Mobility "
            "App waarmee medewerkers hun zakelijke reizen efficiënt en milieuvriendelijk plannen, en "
            "een fietsapp waarmee verkeerslichten sneller op groen springen.",
            "A city produces lots of data and also works as a warehouse for it; Enschede wants to "
            "take a strong position there itself and therefore profiles itself as a Smart City. "
            "Its strengths are combined in 'Smart Enschede'. The municipality developed a Smart "
            "Mobility App that lets its employees plan business travel efficiently and in an "
            "environmentally friendly way, and a cycling app that makes traffic lights turn green "
            "faster.",
            "Eine Stadt erzeugt viele Daten und ist zugleich ihr Speicher; Enschede will dabei selbst "
            "eine starke Position einnehmen und profiliert sich deshalb als Smart City. Unter „Smart "
            "Enschede“ werden die Stärken gebündelt. Die Gemeinde entwickelte eine Smart-Mobility-App, "
            "mit der Beschäftigte Dienstreisen effizient und umweltfreundlich planen, und eine "
            "Fahrrad-App, mit der Ampeln schneller auf Grün schalten.",
        ),
    },
    {
        "slug": "safety",
        "name": Text("Veiligheid", "Safety", "Sicherheit"),
        "description": Text(
            "Veiligheid is een van de kwesties in de Euregio die Enschede en Münster samen oppakken. "
            "De Twente Safety Campus is de ontmoetingsplek voor innovatie en ontwikkeling van "
            "producten, diensten en oplossingen op het gebied van veiligheid.",
            "Safety is one of the issues in the Euregio that Enschede and Münster tackle together. "
            "The Twente Safety Campus is the meeting place for innovation and development of "
            "safety-related products, services and solutions.",
            "Sicherheit ist eines der Themen in der Euregio, die Enschede und Münster gemeinsam "
            "angehen. Der Twente Safety Campus ist der Treffpunkt für Innovation und Entwicklung von "
            "Produkten, Dienstleistungen und Lösungen rund um die Sicherheit.",
        ),
    },
    {
        "slug": "economy",
        "name": Text("Economische samenwerking", "Economic cooperation", "Wirtschaftliche Zusammenarbeit"),
        "description": Text(
            "Economische samenwerking is een van de kwesties in de Euregio die Enschede en Münster "
            "samen oppakken. De gebieden Münster, Osnabrück en Netwerkstad Twente vormen samen een "
            "economische agglomeratie met meer dan 1,5 miljoen inwoners en 100.000 studenten op "
            "universitair niveau binnen 60 kilometer.",
            "Economic cooperation is one of the issues in the Euregio that Enschede and Münster "
            "tackle together. The areas of Münster, Osnabrück and Netwerkstad Twente together form "
            "an economic conglomeration with more than 1.5 million inhabitants and 100,000 students "
            "at university level within 60 kilometres.",
            "Wirtschaftliche Zusammenarbeit ist eines der Themen in der Euregio, die Enschede und "
            "Münster gemeinsam angehen. Die Räume Münster, Osnabrück und Netwerkstad Twente bilden "
            "zusammen einen Wirtschaftsraum mit mehr als 1,5 Millionen Einwohnern und 100.000 "
            "Studierenden auf Hochschulniveau im Umkreis von 60 Kilometern.",
        ),
    },
    {
        "slug": "language-and-culture",
        "name": Text("Taal en cultuur", "Language and culture", "Sprache und Kultur"),
        "description": Text(
            "In de Euregionaal doorlopende leerlijn (EDL) leren jongeren in Nederland en Duitsland "
            "elkaars taal en cultuur. Inwoners van Enschede die kennis en cultuur willen uitwisselen, "
            "kan de gemeente in contact brengen met inwoners van zusterstad Palo Alto.",
            "In the Euregional continuous learning pathway (EDL), young people in the Netherlands "
            "and Germany learn each other's language and culture. Residents of Enschede who want to "
            "exchange knowledge and culture can be put in touch with citizens of its sister city "
            "Palo Alto.",
            "In der euregionalen durchgehenden Lernlinie (EDL) lernen junge Menschen in den "
            "Niederlanden und in Deutschland die Sprache und Kultur des Nachbarlandes. Einwohner "
            "Enschedes, die Wissen und Kultur austauschen möchten, bringt die Gemeinde mit Bürgern "
            "der Schwesterstadt Palo Alto in Kontakt.",
        ),
    },
]


def _cluster_text(nl, en, de):
    """The clusters share the documents' one statement about them, then add their own."""
    return Text(
        f"{nl} Deze sterke clusters zijn in (Netwerkstad) Twente opgebouwd, gedragen door de "
        "kennisinstellingen en de vooroplopende bedrijven die daaruit voortkomen. De volgende stap "
        "is ze te verbinden met de Duitse partners over de grens.",
        f"{en} These strong clusters have been built in (Netwerkstad) Twente, carried by the "
        "knowledge institutions and the frontrunning companies they bring forward. The next step "
        "is to connect them with the German partners across the border.",
        f"{de} Diese starken Cluster sind in (Netwerkstad) Twente entstanden, getragen von den "
        "Wissenseinrichtungen und den Vorreiterunternehmen, die aus ihnen hervorgehen. Der nächste "
        "Schritt ist, sie mit den deutschen Partnern jenseits der Grenze zu verbinden.",
    )


CLUSTERS = [
    {
        "slug": "photonics",
        "name": Text("Fotonica", "Photonics", "Photonik"),
        "description": _cluster_text(
            "Fotonica is een van de clusters waarin Twente sterk is.",
            "Photonics is one of Twente's strong clusters.",
            "Photonik ist einer der starken Cluster Twentes.",
        ),
    },
    {
        "slug": "batteries",
        "name": Text("Batterijen", "Batteries", "Batterien"),
        "description": _cluster_text(
            "Twente is de thuisbasis van een grensoverschrijdend batterijcluster, en Enschede noemt "
            "batterijen onder de vernieuwende bedrijven die de regio internationaal interessant maken.",
            "Twente is home to a cross-border battery cluster, and Enschede names batteries among "
            "the innovative companies that make the region interesting internationally.",
            "Twente ist die Heimat eines grenzüberschreitenden Batterieclusters, und Enschede nennt "
            "Batterien unter den innovativen Unternehmen, die die Region international interessant "
            "machen.",
        ),
    },
    {
        "slug": "advanced-manufacturing",
        "name": Text("Geavanceerde maakindustrie", "Advanced manufacturing", "Fortschrittliche Fertigung"),
        "description": _cluster_text(
            "Twente heeft een lange industriële geschiedenis in textiel en machinebouw, staat "
            "traditioneel bekend om zijn maakindustrie en is uitgegroeid tot een bolwerk van "
            "innovatie.",
            "Twente has a long industrial history in textiles and machinery, is traditionally known "
            "for its manufacturing industry and has become a stronghold of innovation.",
            "Twente hat eine lange Industriegeschichte in Textil und Maschinenbau, ist traditionell "
            "für seine verarbeitende Industrie bekannt und hat sich zu einer Hochburg der Innovation "
            "entwickelt.",
        ),
    },
    {
        "slug": "circular-textiles",
        "name": Text("Circulair textiel", "Circular textiles", "Zirkuläre Textilien"),
        "description": _cluster_text(
            "Circulair textiel bouwt voort op de lange geschiedenis van Twente in de textielindustrie.",
            "Circular textiles build on Twente's long history in the textile industry.",
            "Zirkuläre Textilien knüpfen an Twentes lange Geschichte in der Textilindustrie an.",
        ),
    },
    {
        "slug": "hydrogen",
        "name": Text("Waterstof", "Hydrogen", "Wasserstoff"),
        "description": _cluster_text(
            "Twente is de thuisbasis van een waterstofhub, een van de energie-innovaties waarmee de "
            "regio de energietransitie realiseert.",
            "Twente is home to a hydrogen hub, one of the energy innovations with which the region "
            "realises the energy transition.",
            "Twente ist die Heimat eines Wasserstoff-Hubs, einer der Energieinnovationen, mit denen "
            "die Region die Energiewende umsetzt.",
        ),
    },
    {
        "slug": "medical-technology",
        "name": Text("Medische technologie", "Medical technology", "Medizintechnik"),
        "description": _cluster_text(
            "Enschede noemt medische technologie onder de vernieuwende bedrijven die de regio, naast "
            "de Universiteit Twente en Saxion, internationaal interessant maken.",
            "Enschede names medical technology among the innovative companies that, besides the "
            "University of Twente and Saxion, make the region interesting internationally.",
            "Enschede nennt die Medizintechnik unter den innovativen Unternehmen, die die Region "
            "neben der Universität Twente und Saxion international interessant machen.",
        ),
    },
    {
        "slug": "chips",
        "name": Text("Chips (halfgeleiders)", "Chips (semiconductors)", "Chips (Halbleiter)"),
        "description": _cluster_text(
            "Enschede noemt chips onder de vernieuwende bedrijven die de regio internationaal "
            "interessant maken.",
            "Enschede names chips among the innovative companies that make the region interesting "
            "internationally.",
            "Enschede nennt Chips unter den innovativen Unternehmen, die die Region international "
            "interessant machen.",
        ),
    },
    {
        "slug": "unmanned-systems",
        "name": Text("Onbemande systemen", "Unmanned systems", "Unbemannte Systeme"),
        "description": Text(
            "Op de Technology Base, een gebied van 500 hectare rond de voormalige vliegbasis Twenthe, "
            "ontwikkelen en testen bedrijven en instellingen onbemande systemen zoals drones in een "
            "gecontroleerde omgeving. Daar kunnen ook realistische situaties worden gesimuleerd.",
            "At Technology Base, a 500-hectare area around the former air force base Twenthe, "
            "companies and institutions develop and test unmanned systems such as drones in a "
            "controlled environment. Real-life situations can be simulated there as well.",
            "Auf der Technology Base, einem 500 Hektar großen Gelände rund um den ehemaligen "
            "Fliegerhorst Twenthe, entwickeln und testen Unternehmen und Einrichtungen unbemannte "
            "Systeme wie Drohnen in einer kontrollierten Umgebung. Dort lassen sich auch reale "
            "Situationen simulieren.",
        ),
    },
]


REGIO_TWENTE_MUNICIPALITIES = [
    "almelo",
    "borne",
    "dinkelland",
    "enschede",
    "haaksbergen",
    "hellendoorn",
    "hengelo",
    "hof-van-twente",
    "losser",
    "oldenzaal",
    "rijssen-holten",
    "tubbergen",
    "twenterand",
    "wierden",
]
NETWERKSTAD_MUNICIPALITIES = ["enschede", "hengelo", "almelo"]


_NO_EXTRA = Text("", "", "")


def _twente_municipality(name, extra=_NO_EXTRA):
    """Summary and description of a Twente municipality the documents name only as one of
    the fourteen, with an optional sentence of its own."""
    summary = Text(
        f"{name} is een van de veertien gemeenten van Twente die samenwerken in Regio Twente.",
        f"{name} is one of the fourteen municipalities of Twente that work together in Regio Twente.",
        f"{name} ist eine der vierzehn Gemeinden Twentes, die in der Regio Twente zusammenarbeiten.",
    )
    description = Text(
        f"{name} is een van de veertien Twentse gemeenten die samen Regio Twente vormen, het "
        "samenwerkingsverband dat verdergaat onder de naam SamenTwente. Samen werken zij aan "
        "economische zaken, publieke gezondheid en recreatie en toerisme, voor een levendig en "
        "welvarend Twente. Twente hoort sinds 1958 bij de allereerste Euregio aan de Nederlands-Duitse "
        f"grens. {extra.nl}".strip(),
        f"{name} is one of the fourteen municipalities of Twente that together form Regio Twente, "
        "the joint venture now continuing under the name SamenTwente. Together they work on economic "
        "affairs, public health, and recreation and tourism, for a vibrant and prosperous Twente. "
        "Since 1958 Twente has been part of the very first Euroregion on the Dutch-German border. "
        f"{extra.en}".strip(),
        f"{name} ist eine der vierzehn Gemeinden Twentes, die zusammen die Regio Twente bilden, den "
        "Zusammenschluss, der unter dem Namen SamenTwente weitergeführt wird. Gemeinsam arbeiten sie "
        "an Wirtschaft, öffentlicher Gesundheit sowie Freizeit und Tourismus, für ein lebendiges und "
        "wohlhabendes Twente. Seit 1958 gehört Twente zur allerersten Euregio an der "
        f"deutsch-niederländischen Grenze. {extra.de}".strip(),
    )
    return summary, description


def _netwerkstad_description(name, extra):
    """Description of Hengelo and Almelo, two of the three Netwerkstad cities."""
    description = Text(
        f"{name} is een van de drie dicht bij elkaar gelegen steden van Netwerkstad Twente, elk met "
        "een eigen karakter en een gedeelde ambitie. Als lid van de Twente Board werkt de stad mee aan "
        "de Triple Helix-samenwerking in Twente, en in het overlegorgaan MONT werken de drie steden "
        "als Netwerkstad Twente samen met Münster en Osnabrück. Ook is het een van de veertien "
        f"gemeenten van Regio Twente. {extra.nl}",
        f"{name} is one of the three closely located cities of Netwerkstad Twente, each with its own "
        "character and a shared ambition. As a member of the Twente Board the city takes part in the "
        "Triple Helix cooperation in Twente, and in the consultative body MONT the three cities "
        "cooperate as Netwerkstad Twente with Münster and Osnabrück. It is also one of the fourteen "
        f"municipalities of Regio Twente. {extra.en}",
        f"{name} ist eine der drei nah beieinander liegenden Städte der Netwerkstad Twente, jede mit "
        "eigenem Charakter und einem gemeinsamen Ziel. Als Mitglied des Twente Board wirkt die Stadt "
        "an der Triple-Helix-Zusammenarbeit in Twente mit, und im Beratungsgremium MONT arbeiten die "
        "drei Städte als Netwerkstad Twente mit Münster und Osnabrück zusammen. Außerdem ist sie eine "
        f"der vierzehn Gemeinden der Regio Twente. {extra.de}",
    )
    return description


def _municipality(slug, name, lat, lon, website, texts):
    summary, description = texts
    return {
        "slug": slug,
        # Statistics Netherlands' code, from the CBS/PDOK boundaries shipped with the map.
        "cbs_code": twente_municipality_codes()[name],
        "name": Text.same(name),
        "country": "NL",
        "province": "Overijssel",
        # Coordinates of the town centre; for a municipality without a town of its name,
        # of the town that holds the town hall (noted beside it).
        "latitude": lat,
        "longitude": lon,
        "website": website,
        "summary": summary,
        "description": description,
    }


_HENGELO_DESCRIPTION = _netwerkstad_description(
    "Hengelo",
    Text(
        "In Hengelo liggen de innovatiedistricten Twente High Tech Systems Park en The Green Box.",
        "Hengelo is home to the innovation districts Twente High Tech Systems Park and The Green Box.",
        "In Hengelo liegen die Innovationsquartiere Twente High Tech Systems Park und The Green Box.",
    ),
)
_ALMELO_DESCRIPTION = _netwerkstad_description(
    "Almelo",
    Text(
        "In Almelo ligt het innovatiedistrict XL Business Park.",
        "Almelo is home to the innovation district XL Business Park.",
        "In Almelo liegt das Innovationsquartier XL Business Park.",
    ),
)

MUNICIPALITIES = [
    _municipality(
        "almelo",
        "Almelo",
        "52.356700",
        "6.662500",
        "https://www.almelo.nl",
        (
            Text(
                "Almelo vormt met Enschede en Hengelo Netwerkstad Twente, de samenwerking van de drie "
                "grote steden van Twente.",
                "Almelo forms Netwerkstad Twente, the partnership of Twente's three major cities, "
                "together with Enschede and Hengelo.",
                "Almelo bildet mit Enschede und Hengelo die Netwerkstad Twente, den Verbund der drei "
                "großen Städte Twentes.",
            ),
            _ALMELO_DESCRIPTION,
        ),
    ),
    _municipality(
        "borne", "Borne", "52.299700", "6.752800", "https://www.borne.nl", _twente_municipality("Borne")
    ),
    # Town hall in Denekamp.
    _municipality(
        "dinkelland",
        "Dinkelland",
        "52.377500",
        "7.005800",
        "https://www.dinkelland.nl",
        _twente_municipality("Dinkelland"),
    ),
    _municipality(
        "enschede",
        "Enschede",
        "52.221500",
        "6.893700",
        "https://www.enschede.nl",
        (
            Text(
                "Internationale stad met 160 nationaliteiten, de grootste grensstad aan de "
                "Duits-Nederlandse grens en een van de drie steden van Netwerkstad Twente.",
                "An international city of 160 nationalities, the largest border city on the "
                "German-Dutch border and one of the three cities of Netwerkstad Twente.",
                "Eine internationale Stadt mit 160 Nationalitäten, die größte Grenzstadt an der "
                "deutsch-niederländischen Grenze und eine der drei Städte der Netwerkstad Twente.",
            ),
            Text(
                "Met 160 nationaliteiten is Enschede een internationale stad die toegankelijk wil zijn "
                "voor bezoekers, studenten en bedrijven. Als grootste grensstad aan de Duits-Nederlandse "
                "grens werkt Enschede met Münster en Osnabrück aan het wegnemen van grensbarrières; "
                "Münster is sinds 2021 officiële partnerstad en Palo Alto in Silicon Valley sinds 1980 "
                "zusterstad. De meeste universitaire spin-offs en scale-ups van Nederland zitten in "
                "Enschede, dat zich profileert als Smart City. Via het netwerk Eurocities weet de stad "
                "al vroeg welke Europese wetgeving en programma's eraan komen, en met Europese "
                "subsidies zijn onder meer de Stadsbeek in Stadsveld en nieuwe, duurzamere "
                "straatverlichting gerealiseerd.",
                "With 160 nationalities, Enschede is an international city that wants to be accessible "
                "to visitors, students and companies. As the largest border city on the German-Dutch "
                "border, Enschede works with Münster and Osnabrück to remove border barriers; Münster "
                "has been its official partner city since 2021 and Palo Alto in Silicon Valley its "
                "sister city since 1980. Most university spin-offs and scale-ups in the Netherlands are "
                "located in Enschede, which profiles itself as a Smart City. Through the Eurocities "
                "network the city learns early which European legislation and programmes are coming, "
                "and European subsidies helped realise the Stadsbeek in Stadsveld and new, more "
                "sustainable street lighting, among other projects.",
                "Mit 160 Nationalitäten ist Enschede eine internationale Stadt, die für Besucher, "
                "Studierende und Unternehmen offen sein will. Als größte Grenzstadt an der "
                "deutsch-niederländischen Grenze arbeitet Enschede mit Münster und Osnabrück daran, "
                "Grenzhindernisse abzubauen; Münster ist seit 2021 offizielle Partnerstadt und Palo Alto "
                "im Silicon Valley seit 1980 Schwesterstadt. Die meisten Universitäts-Spin-offs und "
                "Scale-ups der Niederlande sitzen in Enschede, das sich als Smart City profiliert. Über "
                "das Netzwerk Eurocities erfährt die Stadt früh, welche europäischen Gesetze und "
                "Programme kommen, und mit europäischen Fördermitteln wurden unter anderem der "
                "Stadsbeek in Stadsveld und eine neue, nachhaltigere Straßenbeleuchtung verwirklicht.",
            ),
        ),
    ),
    _municipality(
        "haaksbergen",
        "Haaksbergen",
        "52.156700",
        "6.738900",
        "https://www.haaksbergen.nl",
        _twente_municipality("Haaksbergen"),
    ),
    # Town hall in Nijverdal.
    _municipality(
        "hellendoorn",
        "Hellendoorn",
        "52.362500",
        "6.463900",
        "https://www.hellendoorn.nl",
        _twente_municipality("Hellendoorn"),
    ),
    _municipality(
        "hengelo",
        "Hengelo",
        "52.265800",
        "6.793100",
        "https://www.hengelo.nl",
        (
            Text(
                "Hengelo vormt met Enschede en Almelo Netwerkstad Twente, de samenwerking van de drie "
                "grote steden van Twente.",
                "Hengelo forms Netwerkstad Twente, the partnership of Twente's three major cities, "
                "together with Enschede and Almelo.",
                "Hengelo bildet mit Enschede und Almelo die Netwerkstad Twente, den Verbund der drei "
                "großen Städte Twentes.",
            ),
            _HENGELO_DESCRIPTION,
        ),
    ),
    # Town hall in Goor.
    _municipality(
        "hof-van-twente",
        "Hof van Twente",
        "52.233300",
        "6.583300",
        "https://www.hofvantwente.nl",
        _twente_municipality("Hof van Twente"),
    ),
    _municipality(
        "losser",
        "Losser",
        "52.260800",
        "7.004200",
        "https://www.losser.nl",
        _twente_municipality(
            "Losser",
            Text(
                "In de gemeente ligt Arboretum Poort Bulten, een van de recreatieparken van Regio Twente.",
                "The municipality is home to Arboretum Poort Bulten, one of Regio Twente's recreation parks.",
                "In der Gemeinde liegt das Arboretum Poort Bulten, einer der Freizeitparks der Regio Twente.",
            ),
        ),
    ),
    _municipality(
        "oldenzaal",
        "Oldenzaal",
        "52.313300",
        "6.929200",
        "https://www.oldenzaal.nl",
        _twente_municipality(
            "Oldenzaal",
            Text(
                "In de gemeente ligt Het Hulsbeek, een van de recreatieparken van Regio Twente.",
                "The municipality is home to Het Hulsbeek, one of Regio Twente's recreation parks.",
                "In der Gemeinde liegt Het Hulsbeek, einer der Freizeitparks der Regio Twente.",
            ),
        ),
    ),
    # Town hall in Rijssen.
    _municipality(
        "rijssen-holten",
        "Rijssen-Holten",
        "52.306700",
        "6.519400",
        "https://www.rijssen-holten.nl",
        _twente_municipality("Rijssen-Holten"),
    ),
    _municipality(
        "tubbergen",
        "Tubbergen",
        "52.406700",
        "6.785000",
        "https://www.tubbergen.nl",
        _twente_municipality("Tubbergen"),
    ),
    # Town hall in Vriezenveen.
    _municipality(
        "twenterand",
        "Twenterand",
        "52.408300",
        "6.622200",
        "https://www.twenterand.nl",
        _twente_municipality("Twenterand"),
    ),
    _municipality(
        "wierden",
        "Wierden",
        "52.359200",
        "6.593100",
        "https://www.wierden.nl",
        _twente_municipality(
            "Wierden",
            Text(
                "In de gemeente ligt Het Lageveld, een van de recreatieparken van Regio Twente.",
                "The municipality is home to Het Lageveld, one of Regio Twente's recreation parks.",
                "In der Gemeinde liegt Het Lageveld, einer der Freizeitparks der Regio Twente.",
            ),
        ),
    ),
]

# Twente the region (634,000 inhabitants) and Regio Twente, the public body of its
# fourteen municipalities (a catchment area of 626,000), are two rows: the documents
# give each its own figure, and Twente as a whole is what the EUREGIO and Dutch German
# Tech.Land name as a member.
REGIONS = [
    {
        "slug": "twente",
        "name": Text.same("Twente"),
        "kind": "region",
        "population": 634000,
        "website": "https://twente.com",
        "municipalities": REGIO_TWENTE_MUNICIPALITIES,
        "summary": Text(
            "De groene technologische topregio aan de oostgrens van Nederland, met 634.000 inwoners "
            "in veertien gemeenten.",
            "The green technological top region on the eastern border of the Netherlands, with "
            "634,000 inhabitants in fourteen municipalities.",
            "Die grüne technologische Spitzenregion an der Ostgrenze der Niederlande, mit 634.000 "
            "Einwohnern in vierzehn Gemeinden.",
        ),
        "description": Text(
            "Twente is de groene technologische topregio aan de oostgrens van Nederland en telt "
            "634.000 inwoners. Met een lange industriële geschiedenis in textiel en machinebouw is "
            "Twente uitgegroeid tot een bolwerk van innovatie, met een toonaangevende technische "
            "universiteit en meerdere hogescholen. Sinds 1958 hoort Twente bij de allereerste Euregio "
            "aan de Nederlands-Duitse grens: grensoverschrijdend werken is een tweede natuur "
            "geworden. Twente is trots lid van Dutch German Tech.Land en werkt in een Double Triple "
            "Helix-alliantie aan de Groene Technologische Topregio.",
            "Twente is the green technological top region on the eastern border of the Netherlands "
            "and has 634,000 inhabitants. With a long industrial history in textiles and machinery, "
            "Twente has become a stronghold of innovation, with a leading technical university and "
            "several universities of applied sciences. Since 1958 Twente has been part of the very "
            "first Euroregion on the Dutch-German border: working across the border has become "
            "second nature. Twente is a proud member of Dutch German Tech.Land and works in a Double "
            "Triple Helix alliance on the Green Technological Top Region.",
            "Twente ist die grüne technologische Spitzenregion an der Ostgrenze der Niederlande und "
            "zählt 634.000 Einwohner. Mit einer langen Industriegeschichte in Textil und Maschinenbau "
            "hat sich Twente zu einer Hochburg der Innovation entwickelt, mit einer führenden "
            "technischen Universität und mehreren Hochschulen. Seit 1958 gehört Twente zur "
            "allerersten Euregio an der deutsch-niederländischen Grenze: grenzüberschreitendes "
            "Arbeiten ist zur zweiten Natur geworden. Twente ist stolzes Mitglied von Dutch German "
            "Tech.Land und arbeitet in einer Double-Triple-Helix-Allianz an der Grünen "
            "Technologischen Spitzenregion.",
        ),
    },
    {
        "slug": "regio-twente",
        "name": Text.same("Regio Twente"),
        "kind": "region",
        "population": 626000,
        "website": "https://www.regiotwente.nl",
        "municipalities": REGIO_TWENTE_MUNICIPALITIES,
        "summary": Text(
            "Het samenwerkingsverband van de veertien Twentse gemeenten, met een verzorgingsgebied "
            "van 626.000 inwoners; het gaat verder onder de naam SamenTwente.",
            "The joint venture of the fourteen municipalities of Twente, with a catchment area of "
            "626,000 inhabitants; it continues under the name SamenTwente.",
            "Der Zusammenschluss der vierzehn Gemeinden Twentes mit einem Einzugsgebiet von 626.000 "
            "Einwohnern; er wird unter dem Namen SamenTwente weitergeführt.",
        ),
        "description": Text(
            "Regio Twente is het samenwerkingsverband van de veertien gemeenten van Twente, met een "
            "verzorgingsgebied van 626.000 inwoners, en gaat verder onder de naam SamenTwente. Het "
            "werkt in twee domeinen, Gezondheid (GGD Twente) en Leefomgeving, op terreinen als "
            "economische zaken, publieke gezondheid en recreatie en toerisme. De gemeenten realiseren "
            "de projecten in nauw overleg met Zwolle als provinciehoofdstad, de politiek in Den Haag "
            "en de Europese Unie in Brussel. De organisatie telt ongeveer 600 medewerkers; tot haar "
            "bekende onderdelen horen de GGD en de recreatieparken Het Hulsbeek, Het Rutbeek, Het "
            "Lageveld en Arboretum Poort Bulten.",
            "Regio Twente is the joint venture of the fourteen municipalities of Twente, with a "
            "catchment area of 626,000 inhabitants, and continues under the name SamenTwente. It "
            "works in two domains, Health (GGD Twente) and Living environment, across fields such as "
            "economic affairs, public health, and recreation and tourism. The municipalities carry "
            "out its projects in close consultation with Zwolle as provincial capital, politics in "
            "The Hague and the European Union in Brussels. The organisation has around 600 employees; "
            "its familiar parts include the GGD and the recreation parks Het Hulsbeek, Het Rutbeek, "
            "Het Lageveld and Arboretum Poort Bulten.",
            "Die Regio Twente ist der Zusammenschluss der vierzehn Gemeinden Twentes mit einem "
            "Einzugsgebiet von 626.000 Einwohnern und wird unter dem Namen SamenTwente weitergeführt. "
            "Sie arbeitet in zwei Bereichen, Gesundheit (GGD Twente) und Lebensumfeld, auf Feldern "
            "wie Wirtschaft, öffentliche Gesundheit sowie Freizeit und Tourismus. Die Gemeinden "
            "setzen die Projekte in enger Abstimmung mit Zwolle als Provinzhauptstadt, der Politik in "
            "Den Haag und der Europäischen Union in Brüssel um. Die Organisation hat rund 600 "
            "Beschäftigte; zu ihren bekannten Teilen gehören die GGD und die Freizeitparks Het "
            "Hulsbeek, Het Rutbeek, Het Lageveld und das Arboretum Poort Bulten.",
        ),
    },
    {
        "slug": "netwerkstad-twente",
        "name": Text.same("Netwerkstad Twente"),
        "kind": "alliance",
        # The documents say "more than 330,000"; the text says so too.
        "population": 330000,
        "website": "",
        "municipalities": NETWERKSTAD_MUNICIPALITIES,
        "summary": Text(
            "De unieke samenwerking van drie dicht bij elkaar gelegen steden, Enschede, Hengelo en "
            "Almelo, waar meer dan 330.000 van de 634.000 Twentenaren wonen.",
            "The unique collaboration of three closely located cities, Enschede, Hengelo and Almelo, "
            "home to more than 330,000 of Twente's 634,000 inhabitants.",
            "Die einzigartige Zusammenarbeit dreier nah beieinander liegender Städte, Enschede, "
            "Hengelo und Almelo, in denen mehr als 330.000 der 634.000 Einwohner Twentes leben.",
        ),
        "description": Text(
            "Netwerkstad Twente (in het Engels Network City) is de unieke samenwerking van Enschede, "
            "Hengelo en Almelo, drie steden met een eigen karakter en een gedeelde ambitie. Van de "
            "634.000 inwoners van Twente wonen er meer dan 330.000 in deze drie steden. In "
            "Netwerkstad Twente zijn sterke clusters in fotonica, batterijen, geavanceerde "
            "maakindustrie en circulair textiel opgebouwd, die nu worden verbonden met de Duitse "
            "partners. De steden werken aan een duurzame waterbalans, tegen hitte in de stad en tegen "
            "energiearmoede, en in het overlegorgaan MONT werken zij samen met Münster en Osnabrück "
            "aan een duurzaam en slim mobiliteitssysteem.",
            "Netwerkstad Twente (Network City) is the unique collaboration of Enschede, Hengelo and "
            "Almelo, three cities with their own character and a shared ambition. Of Twente's 634,000 "
            "inhabitants, more than 330,000 live in these three cities. Strong clusters in photonics, "
            "batteries, advanced manufacturing and circular textiles have been built in Netwerkstad "
            "Twente and are now being connected with the German partners. The cities work on a "
            "sustainable water balance and against urban heating and energy poverty, and in the "
            "consultative body MONT they cooperate with Münster and Osnabrück on a sustainable and "
            "smart mobility system.",
            "Netwerkstad Twente (auf Deutsch etwa „Netzwerkstadt“) ist die einzigartige "
            "Zusammenarbeit von Enschede, Hengelo und Almelo, drei Städten mit eigenem Charakter und "
            "einem gemeinsamen Ziel. Von den 634.000 Einwohnern Twentes leben mehr als 330.000 in "
            "diesen drei Städten. In der Netwerkstad Twente sind starke Cluster in Photonik, "
            "Batterien, fortschrittlicher Fertigung und zirkulären Textilien entstanden, die nun mit "
            "den deutschen Partnern verbunden werden. Die Städte arbeiten an einem nachhaltigen "
            "Wasserhaushalt, gegen die Überhitzung der Städte und gegen Energiearmut, und im "
            "Beratungsgremium MONT arbeiten sie mit Münster und Osnabrück an einem nachhaltigen und "
            "intelligenten Mobilitätssystem.",
        ),
    },
    {
        "slug": "euregio",
        "name": Text.same("EUREGIO"),
        "kind": "euroregion",
        "founded_year": 1958,
        "website": "https://www.euregio.eu",
        "municipalities": REGIO_TWENTE_MUNICIPALITIES,
        "summary": Text(
            "De allereerste Euregio aan de grens van Nederland en Duitsland; Twente hoort er sinds 1958 bij.",
            "The very first Euroregion on the border of the Netherlands and Germany; Twente has been "
            "part of it since 1958.",
            "Die allererste Euregio an der Grenze zwischen den Niederlanden und Deutschland; Twente "
            "gehört seit 1958 dazu.",
        ),
        "description": Text(
            "De EUREGIO is de allereerste Euregio aan de grens van Nederland en Duitsland. Sinds 1958 "
            "maakt Twente er deel van uit, en grensoverschrijdend werken is voor de regio een tweede "
            "natuur geworden. In het Euregiogebied trekt Enschede internationaal op met Hengelo, "
            "Almelo, Münster en Osnabrück, onder meer op veiligheid en economische samenwerking.",
            "The EUREGIO is the very first Euroregion on the border of the Netherlands and Germany. "
            "Twente has been part of it since 1958, and working across the border has become second "
            "nature for the region. In the Euregio area Enschede works internationally with Hengelo, "
            "Almelo, Münster and Osnabrück, on safety and economic cooperation among other issues.",
            "Die EUREGIO ist die allererste Euregio an der Grenze zwischen den Niederlanden und "
            "Deutschland. Seit 1958 gehört Twente dazu, und grenzüberschreitendes Arbeiten ist für die "
            "Region zur zweiten Natur geworden. Im Euregio-Gebiet arbeitet Enschede international mit "
            "Hengelo, Almelo, Münster und Osnabrück zusammen, unter anderem bei Sicherheit und "
            "wirtschaftlicher Zusammenarbeit.",
        ),
    },
]


def _named_district(slug, name, municipality, place, coordinates=(None, None)):
    """A district the documents only name in Netwerkstad Twente's list of five."""
    others = [n for n in _DISTRICT_NAMES if n != name]

    def listed(conjunction):
        return f"{', '.join(others[:-1])} {conjunction} {others[-1]}"

    return {
        "slug": slug,
        "name": Text.same(name),
        "municipality": municipality,
        "latitude": coordinates[0],
        "longitude": coordinates[1],
        "clusters": [],
        "summary": Text(
            f"Een van de vijf innovatiedistricten van Netwerkstad Twente, in {place}.",
            f"One of the five innovation districts of Netwerkstad Twente, in {place}.",
            f"Eines der fünf Innovationsquartiere der Netwerkstad Twente, in {place}.",
        ),
        "description": Text(
            f"{name} in {place} is een van de vijf innovatiedistricten die Netwerkstad Twente noemt, "
            f"naast {listed('en')}. Netwerkstad Twente presenteert ze samen met de kennisinstellingen aan "
            "beide kanten van de grens, in een regio met sterke clusters in fotonica, batterijen, "
            "geavanceerde maakindustrie en circulair textiel.",
            f"{name} in {place} is one of the five innovation districts that Netwerkstad Twente names, "
            f"beside {listed('and')}. Netwerkstad Twente presents them together with the knowledge "
            "institutes on both sides of the border, in a region with strong clusters in photonics, "
            "batteries, advanced manufacturing and circular textiles.",
            f"{name} in {place} ist eines der fünf Innovationsquartiere, die die Netwerkstad Twente "
            f"nennt, neben {listed('und')}. Die Netwerkstad Twente stellt sie zusammen mit den "
            "Wissenseinrichtungen beiderseits der Grenze vor, in einer Region mit starken Clustern in "
            "Photonik, Batterien, fortschrittlicher Fertigung und zirkulären Textilien.",
        ),
    }


_DISTRICT_NAMES = [
    "Kennispark Twente",
    "Technology Base",
    "Twente High Tech Systems Park",
    "XL Business Park",
    "The Green Box",
]


DISTRICTS = [
    {
        "slug": "kennispark-twente",
        "name": Text.same("Kennispark Twente"),
        "municipality": "enschede",
        "latitude": "52.239200",
        "longitude": "6.850600",
        "clusters": [],
        "summary": Text(
            "Het kennis- en bedrijvenpark bij de Universiteit Twente, een van de drie beste "
            "innovatiecampussen van Nederland.",
            "The knowledge and business park affiliated with the University of Twente, one of the top "
            "3 innovation campuses in the Netherlands.",
            "Der Wissens- und Gewerbepark an der Universität Twente, einer der drei besten "
            "Innovationscampusse der Niederlande.",
        ),
        "description": Text(
            "Kennispark Twente in Enschede is het kennis- en bedrijvenpark dat verbonden is aan de "
            "Universiteit Twente en behoort tot de top 3 van innovatiecampussen in Nederland. Rond de "
            "universiteit en de hogeschool groeit een ecosysteem waarin mensgerichte innovatie "
            "centraal staat. Novel-T ondersteunt dat ecosysteem met start-ups en scale-ups; uit de "
            "Universiteit Twente en Saxion komen veel nieuwe bedrijven voort.",
            "Kennispark Twente in Enschede is the knowledge and business park affiliated with the "
            "University of Twente and one of the top 3 innovation campuses in the Netherlands. Around "
            "the university and the university of applied sciences an ecosystem is developing in "
            "which human-centred innovation is central. Novel-T facilitates that ecosystem with "
            "start-ups and scale-ups; many new companies arise from the University of Twente and "
            "Saxion.",
            "Kennispark Twente in Enschede ist der mit der Universität Twente verbundene Wissens- und "
            "Gewerbepark und einer der drei besten Innovationscampusse der Niederlande. Rund um die "
            "Universität und die Hochschule wächst ein Ökosystem, in dem menschzentrierte Innovation "
            "im Mittelpunkt steht. Novel-T unterstützt dieses Ökosystem mit Start-ups und Scale-ups; "
            "aus der Universität Twente und Saxion gehen viele neue Unternehmen hervor.",
        ),
    },
    {
        "slug": "technology-base",
        "name": Text.same("Technology Base"),
        "municipality": "enschede",
        # The former air force base Twenthe.
        "latitude": "52.275800",
        "longitude": "6.889200",
        "area_hectares": "500",
        "clusters": ["unmanned-systems"],
        "summary": Text(
            "Een gebied van 500 hectare rond de voormalige vliegbasis Twenthe voor het ontwikkelen en "
            "testen van onbemande systemen zoals drones.",
            "A 500-hectare area around the former air force base Twenthe for developing and testing "
            "unmanned systems such as drones.",
            "Ein 500 Hektar großes Gelände rund um den ehemaligen Fliegerhorst Twenthe zum Entwickeln "
            "und Testen unbemannter Systeme wie Drohnen.",
        ),
        "description": Text(
            "Technology Base is een gebied van 500 hectare rond de voormalige vliegbasis Twenthe. Het "
            "biedt bedrijven en instellingen een gecontroleerde omgeving om onbemande systemen zoals "
            "drones te ontwikkelen en te testen, maar ook om realistische situaties te simuleren. In "
            "het publiek-private samenwerkingsverband Space53 werken nationale en internationale "
            "bedrijven nauw samen met onderzoeks- en onderwijsinstellingen zoals de Universiteit "
            "Twente en Saxion, en de Twente Safety Campus is de ontmoetingsplek voor innovatie op het "
            "gebied van veiligheid.",
            "Technology Base is a 500-hectare area around the former air force base Twenthe. It "
            "offers companies and institutions a controlled environment for developing and testing "
            "unmanned systems such as drones, and for simulating real-life situations. In the "
            "public-private partnership Space53, national and international companies work closely "
            "with research and educational institutions such as the University of Twente and Saxion, "
            "and the Twente Safety Campus is the meeting place for innovation in safety.",
            "Technology Base ist ein 500 Hektar großes Gelände rund um den ehemaligen Fliegerhorst "
            "Twenthe. Es bietet Unternehmen und Einrichtungen eine kontrollierte Umgebung, um "
            "unbemannte Systeme wie Drohnen zu entwickeln und zu testen und reale Situationen zu "
            "simulieren. In der öffentlich-privaten Partnerschaft Space53 arbeiten nationale und "
            "internationale Unternehmen eng mit Forschungs- und Bildungseinrichtungen wie der "
            "Universität Twente und Saxion zusammen, und der Twente Safety Campus ist der Treffpunkt "
            "für Innovation in der Sicherheit.",
        ),
    },
    _named_district(
        "twente-high-tech-systems-park",
        "Twente High Tech Systems Park",
        "hengelo",
        "Hengelo",
        # The former Thales (Hollandse Signaal) site.
        ("52.252500", "6.777000"),
    ),
    # Coordinates left empty: not known precisely enough to place on the map.
    _named_district("xl-business-park", "XL Business Park", "almelo", "Almelo"),
    _named_district("the-green-box", "The Green Box", "hengelo", "Hengelo"),
]
