"""Partner organisations, their ties with Twente, the members of networks, and the
contacts the source documents name. Relationships and memberships belong to the
partner (the network) they are listed under."""

from twente.initial_data.text import Text

_DUTCH_INSTITUTE_TIE = {
    "kind": "knowledge",
    "since_year": 2017,
    "municipality": "enschede",
    "note": Text(
        "Convenant met de gemeente Enschede (eind 2017) waarin het aantrekken en behouden van talent "
        "een belangrijke rol speelt.",
        "Covenant with the municipality of Enschede (end of 2017) in which attracting and retaining "
        "talent plays a prominent role.",
        "Vereinbarung mit der Gemeinde Enschede (Ende 2017), in der das Gewinnen und Halten von "
        "Talenten eine wichtige Rolle spielt.",
    ),
}

_GERMAN_INSTITUTE_TIE = {
    "kind": "knowledge",
    "region": "netwerkstad-twente",
    "note": Text(
        "Door Netwerkstad Twente genoemd als kennisinstelling aan de Duitse kant van de grens.",
        "Named by Netwerkstad Twente as a knowledge institute on the German side of the border.",
        "Von der Netwerkstad Twente als Wissenseinrichtung auf der deutschen Seite der Grenze genannt.",
    ),
}


def _german_institute_description(name_nl, name_en, name_de):
    return Text(
        f"{name_nl} is een van de drie kennisinstellingen aan de Duitse kant van de grens die "
        "Netwerkstad Twente noemt, naast de Universiteit Twente, Saxion, ROC van Twente en AKI "
        "ArtEZ aan de Nederlandse kant. De gebieden Münster, Osnabrück en Netwerkstad Twente vormen "
        "samen een economische agglomeratie met meer dan 1,5 miljoen inwoners en 100.000 studenten "
        "op universitair niveau binnen 60 kilometer.",
        f"{name_en} is one of the three knowledge institutes on the German side of the border that "
        "Netwerkstad Twente names, beside the University of Twente, Saxion, ROC van Twente and AKI "
        "ArtEZ on the Dutch side. The areas of Münster, Osnabrück and Netwerkstad Twente form an "
        "economic conglomeration with more than 1.5 million inhabitants and 100,000 students at "
        "university level within 60 kilometres.",
        f"{name_de} ist eine der drei Wissenseinrichtungen auf der deutschen Seite der Grenze, die "
        "die Netwerkstad Twente nennt, neben der Universität Twente, Saxion, ROC van Twente und AKI "
        "ArtEZ auf der niederländischen Seite. Die Räume Münster, Osnabrück und Netwerkstad Twente "
        "bilden einen Wirtschaftsraum mit mehr als 1,5 Millionen Einwohnern und 100.000 "
        "Studierenden auf Hochschulniveau im Umkreis von 60 Kilometern.",
    )


PARTNERS = [
    # Cities
    {
        "slug": "muenster",
        "name": Text.same("Münster"),
        "kind": "city",
        "country": "DE",
        "city": "Münster",
        "latitude": "51.962500",
        "longitude": "7.625600",
        "website": "https://www.stadt-muenster.de",
        "summary": Text(
            "Duitse stad en sinds 2021 officiële partnerstad van Enschede.",
            "German city and official partner city of Enschede since 2021.",
            "Deutsche Stadt und seit 2021 offizielle Partnerstadt von Enschede.",
        ),
        "description": Text(
            "Münster is sinds 2021 een officiële partnerstad van Enschede. Kwesties in de Euregio als "
            "veiligheid en economische samenwerking pakken beide steden samen op, en met Münster werkt "
            "Twente aan gedeelde vraagstukken in het waterbeheer. In het overlegorgaan MONT werken "
            "Münster, Osnabrück en de drie steden van Netwerkstad Twente samen, onder meer aan een "
            "duurzaam en slim mobiliteitssysteem en een spoorlijn tussen Zwolle, Twente en Münster. "
            "Münster en Noordrijn-Westfalen vinden ook de samenwerking met de Verenigde Staten "
            "belangrijk; daarom zijn er gezamenlijke reizen naar Amerika.",
            "Münster has been an official partner city of Enschede since 2021. The two cities tackle "
            "issues in the Euregio such as safety and economic cooperation together, and Twente works "
            "with Münster on shared issues in water management. In the consultative body MONT, "
            "Münster, Osnabrück and the three cities of Netwerkstad Twente cooperate, among other "
            "things on a sustainable and smart mobility system and a railway line between Zwolle, "
            "Twente and Münster. Münster and North Rhine-Westphalia also value cooperation with the "
            "United States, which is why there are joint trips to America.",
            "Münster ist seit 2021 offizielle Partnerstadt von Enschede. Themen der Euregio wie "
            "Sicherheit und wirtschaftliche Zusammenarbeit gehen beide Städte gemeinsam an, und mit "
            "Münster bearbeitet Twente gemeinsame Fragen der Wasserwirtschaft. Im Beratungsgremium "
            "MONT arbeiten Münster, Osnabrück und die drei Städte der Netwerkstad Twente zusammen, "
            "unter anderem an einem nachhaltigen und intelligenten Mobilitätssystem und einer "
            "Bahnstrecke zwischen Zwolle, Twente und Münster. Münster und Nordrhein-Westfalen ist auch "
            "die Zusammenarbeit mit den USA wichtig; deshalb gibt es gemeinsame Reisen nach Amerika.",
        ),
        "relationships": [
            {
                "kind": "partner_city",
                "since_year": 2021,
                "municipality": "enschede",
                "note": Text(
                    "Officiële partnerstad van Enschede; samen werken aan veiligheid en economische "
                    "samenwerking in de Euregio.",
                    "Official partner city of Enschede; working together on safety and economic "
                    "cooperation in the Euregio.",
                    "Offizielle Partnerstadt von Enschede; gemeinsame Arbeit an Sicherheit und "
                    "wirtschaftlicher Zusammenarbeit in der Euregio.",
                ),
            },
            {
                "kind": "cross_border",
                "region": "netwerkstad-twente",
                "note": Text(
                    "Grensoverschrijdende samenwerking aan duurzame en slimme mobiliteit en aan "
                    "gedeelde vraagstukken in het waterbeheer.",
                    "Cross-border cooperation on sustainable and smart mobility and on shared issues "
                    "in water management.",
                    "Grenzüberschreitende Zusammenarbeit für nachhaltige und intelligente Mobilität "
                    "und bei gemeinsamen Fragen der Wasserwirtschaft.",
                ),
            },
        ],
    },
    {
        "slug": "osnabrueck",
        "name": Text.same("Osnabrück"),
        "kind": "city",
        "country": "DE",
        "city": "Osnabrück",
        "latitude": "52.279900",
        "longitude": "8.047200",
        "website": "https://www.osnabrueck.de",
        "summary": Text(
            "Duitse stad waarmee Netwerkstad Twente sterk grensoverschrijdend samenwerkt.",
            "German city with which Netwerkstad Twente has a strong cross-border cooperation.",
            "Deutsche Stadt, mit der die Netwerkstad Twente eng grenzüberschreitend zusammenarbeitet.",
        ),
        "description": Text(
            "Met de Duitse stad Osnabrück werkt Netwerkstad Twente sterk grensoverschrijdend samen, "
            "met als doel een duurzaam en slim mobiliteitssysteem en een samenwerking zonder grenzen, "
            "waarin de hindernissen van de grens een troef worden. Enschede, Hengelo, Almelo, Münster "
            "en Osnabrück vormen samen één groot stedelijk gebied centraal in Europa. In het "
            "overlegorgaan MONT werken de drie steden als Netwerkstad Twente samen met Münster en "
            "Osnabrück.",
            "Netwerkstad Twente has a strong cross-border cooperation with the German city of "
            "Osnabrück, committed to a sustainable and smart mobility system and to a no-border "
            "cooperation in which the border's obstacles become an asset. Enschede, Hengelo, Almelo, "
            "Münster and Osnabrück together form one large urban area in the centre of Europe. In the "
            "consultative body MONT the three cities cooperate as Netwerkstad Twente with Münster and "
            "Osnabrück.",
            "Mit der deutschen Stadt Osnabrück arbeitet die Netwerkstad Twente eng "
            "grenzüberschreitend zusammen, für ein nachhaltiges und intelligentes Mobilitätssystem "
            "und eine Zusammenarbeit ohne Grenzen, in der die Hindernisse der Grenze zum Vorteil "
            "werden. Enschede, Hengelo, Almelo, Münster und Osnabrück bilden zusammen einen großen "
            "städtischen Raum in der Mitte Europas. Im Beratungsgremium MONT arbeiten die drei Städte "
            "als Netwerkstad Twente mit Münster und Osnabrück zusammen.",
        ),
        "relationships": [
            {
                "kind": "cross_border",
                "region": "netwerkstad-twente",
                "note": Text(
                    "Grensoverschrijdende samenwerking aan een duurzaam en slim mobiliteitssysteem.",
                    "Cross-border cooperation on a sustainable and smart mobility system.",
                    "Grenzüberschreitende Zusammenarbeit für ein nachhaltiges und intelligentes "
                    "Mobilitätssystem.",
                ),
            },
        ],
    },
    {
        "slug": "palo-alto",
        "name": Text.same("Palo Alto"),
        "kind": "city",
        "country": "US",
        "city": "Palo Alto",
        "latitude": "37.441900",
        "longitude": "-122.143000",
        "website": "https://www.cityofpaloalto.org",
        "summary": Text(
            "Amerikaanse stad in Silicon Valley en sinds 1980 zusterstad van Enschede.",
            "American city in Silicon Valley and sister city of Enschede since 1980.",
            "Amerikanische Stadt im Silicon Valley und seit 1980 Schwesterstadt von Enschede.",
        ),
        "description": Text(
            "Enschede werkt samen met de Amerikaanse stad Palo Alto in Silicon Valley, sinds 1980 "
            "zijn zusterstad. De gemeente helpt bedrijven en kennisinstellingen uit de regio om "
            "contact te leggen met bedrijven in Silicon Valley. Inwoners van Enschede die kennis en "
            "cultuur willen uitwisselen, kan zij in contact brengen met inwoners van Palo Alto.",
            "Enschede works with the American city of Palo Alto in Silicon Valley, its sister city "
            "since 1980. The municipality helps companies and knowledge institutions from the region "
            "get in touch with companies in Silicon Valley. Residents of Enschede interested in "
            "exchanging knowledge and culture can be put in touch with citizens of Palo Alto.",
            "Enschede arbeitet mit der amerikanischen Stadt Palo Alto im Silicon Valley zusammen, "
            "seit 1980 seine Schwesterstadt. Die Gemeinde hilft Unternehmen und Wissenseinrichtungen "
            "aus der Region, Kontakte zu Unternehmen im Silicon Valley zu knüpfen. Einwohner "
            "Enschedes, die Wissen und Kultur austauschen möchten, bringt sie mit Bürgern von Palo "
            "Alto in Kontakt.",
        ),
        "relationships": [
            {
                "kind": "sister_city",
                "since_year": 1980,
                "municipality": "enschede",
                "note": Text(
                    "Zusterstad van Enschede; contacten voor bedrijven, kennisinstellingen en inwoners.",
                    "Sister city of Enschede; contacts for companies, knowledge institutions and residents.",
                    "Schwesterstadt von Enschede; Kontakte für Unternehmen, Wissenseinrichtungen und "
                    "Einwohner.",
                ),
            },
        ],
    },
    # Region, networks and bodies
    {
        "slug": "euregio",
        "name": Text.same("EUREGIO"),
        "kind": "region",
        "country": "",
        "city": "",
        "website": "https://www.euregio.eu",
        "summary": Text(
            "De allereerste Euregio aan de grens van Nederland en Duitsland, waar Twente sinds 1958 "
            "deel van uitmaakt.",
            "The very first Euroregion on the border of the Netherlands and Germany, which Twente "
            "has been part of since 1958.",
            "Die allererste Euregio an der Grenze zwischen den Niederlanden und Deutschland, zu der "
            "Twente seit 1958 gehört.",
        ),
        "description": Text(
            "De EUREGIO is de allereerste Euregio aan de grens van Nederland en Duitsland. Twente maakt "
            "er sinds 1958 deel van uit; grensoverschrijdend werken is zo een tweede natuur geworden. "
            "In het Euregiogebied trekt Enschede internationaal op met Hengelo, Almelo, Münster en "
            "Osnabrück.",
            "The EUREGIO is the very first Euroregion on the border of the Netherlands and Germany. "
            "Twente has been part of it since 1958, and working across the border has become second "
            "nature. In the Euregio area Enschede works internationally with Hengelo, Almelo, Münster "
            "and Osnabrück.",
            "Die EUREGIO ist die allererste Euregio an der Grenze zwischen den Niederlanden und "
            "Deutschland. Twente gehört seit 1958 dazu; grenzüberschreitendes Arbeiten ist so zur "
            "zweiten Natur geworden. Im Euregio-Gebiet arbeitet Enschede international mit Hengelo, "
            "Almelo, Münster und Osnabrück zusammen.",
        ),
        "relationships": [
            {
                "kind": "euroregion",
                "since_year": 1958,
                "region": "twente",
                "note": Text(
                    "Twente is sinds 1958 deel van de allereerste Euregio.",
                    "Twente has been part of the very first Euroregion since 1958.",
                    "Twente gehört seit 1958 zur allerersten Euregio.",
                ),
            },
        ],
    },
    {
        "slug": "eurocities",
        "name": Text.same("Eurocities"),
        "kind": "network",
        "country": "",
        "city": "",
        "website": "https://eurocities.eu",
        "summary": Text(
            "Netwerk van Europese steden, waarin bijna alle Europese hoofdsteden en grote steden zitten.",
            "A network of European cities that includes almost all European capitals and large cities.",
            "Netzwerk europäischer Städte, dem fast alle europäischen Hauptstädte und Großstädte angehören.",
        ),
        "description": Text(
            "Eurocities is een netwerk van Europese steden; bijna alle Europese hoofdsteden en grote "
            "steden zitten erin. Via dit netwerk weet Enschede al heel vroeg welke wetgeving en "
            "programma's er in Brussel worden gemaakt en wat dat voor de steden gaat betekenen. Dat "
            "helpt om een gezamenlijke Europese planning te maken.",
            "Eurocities is a network of European cities; almost all European capitals and large "
            "cities are in it. Through this network Enschede learns very early which legislation and "
            "programmes are being made in Brussels and what they will mean for cities. This helps to "
            "make a joint European planning.",
            "Eurocities ist ein Netzwerk europäischer Städte; fast alle europäischen Hauptstädte und "
            "Großstädte sind darin vertreten. Über dieses Netzwerk erfährt Enschede sehr früh, welche "
            "Gesetze und Programme in Brüssel entstehen und was sie für die Städte bedeuten. Das hilft "
            "bei einer gemeinsamen europäischen Planung.",
        ),
        "relationships": [
            {
                "kind": "network",
                "municipality": "enschede",
                "note": Text(
                    "Enschede is lid en hoort via Eurocities vroeg van nieuwe Europese wetgeving en "
                    "programma's.",
                    "Enschede is a member and hears early about new European legislation and "
                    "programmes through Eurocities.",
                    "Enschede ist Mitglied und erfährt über Eurocities früh von neuen europäischen "
                    "Gesetzen und Programmen.",
                ),
            },
        ],
        "members": [{"municipality": "enschede"}],
    },
    {
        "slug": "dutch-german-tech-land",
        "name": Text.same("Dutch German Tech.Land"),
        "kind": "network",
        "country": "",
        "city": "",
        "website": "",
        "summary": Text(
            "Europese grensoverschrijdende regio waar innovatie floreert en internationaal talent "
            "zich thuis voelt.",
            "A European cross-border region where innovation thrives and international talent feels at home.",
            "Europäische grenzüberschreitende Region, in der Innovation gedeiht und sich "
            "internationale Talente zu Hause fühlen.",
        ),
        "description": Text(
            "Dutch German Tech.Land is een Europese grensoverschrijdende regio waar innovatie floreert "
            "en internationaal talent zich thuis voelt. Twente en Netwerkstad Twente zijn er trots lid "
            "van. Om dat talent te behouden en aan te trekken streeft Netwerkstad Twente naar "
            "levendige, inclusieve en duurzame steden waar inwoners zich veilig en gezond voelen.",
            "Dutch German Tech.Land is a European cross-border region where innovation thrives and "
            "international talent feels at home. Twente and Netwerkstad Twente are proud members. To "
            "retain and attract this talent, Netwerkstad Twente strives for vibrant, inclusive and "
            "sustainable cities where citizens feel safe and healthy.",
            "Dutch German Tech.Land ist eine europäische grenzüberschreitende Region, in der "
            "Innovation gedeiht und sich internationale Talente zu Hause fühlen. Twente und die "
            "Netwerkstad Twente sind stolze Mitglieder. Um diese Talente zu halten und zu gewinnen, "
            "strebt die Netwerkstad Twente lebendige, inklusive und nachhaltige Städte an, in denen "
            "sich die Bürgerinnen und Bürger sicher und gesund fühlen.",
        ),
        "relationships": [
            {
                "kind": "network",
                "region": "netwerkstad-twente",
                "note": Text(
                    "Netwerkstad Twente is trots lid van Dutch German Tech.Land.",
                    "Netwerkstad Twente is a proud member of Dutch German Tech.Land.",
                    "Die Netwerkstad Twente ist stolzes Mitglied von Dutch German Tech.Land.",
                ),
            },
        ],
        "members": [{"region": "netwerkstad-twente"}, {"region": "twente"}],
    },
    {
        "slug": "mont",
        "name": Text.same("MONT"),
        "kind": "network",
        "country": "",
        "city": "",
        "website": "",
        "summary": Text(
            "Overlegorgaan waarin Enschede, Hengelo en Almelo als Netwerkstad Twente samenwerken met "
            "Münster en Osnabrück.",
            "The consultative body in which Enschede, Hengelo and Almelo cooperate as Netwerkstad "
            "Twente with Münster and Osnabrück.",
            "Beratungsgremium, in dem Enschede, Hengelo und Almelo als Netwerkstad Twente mit "
            "Münster und Osnabrück zusammenarbeiten.",
        ),
        "description": Text(
            "In MONT komt de stedelijke grensoverschrijdende samenwerking samen. Het is een "
            "overlegorgaan waarin de drie steden Enschede, Hengelo en Almelo als Netwerkstad Twente "
            "samenwerken met Münster en Osnabrück. Samen vormen deze steden één groot stedelijk gebied "
            "centraal in Europa.",
            "Urban cross-border cooperation converges in MONT. It is a consultative body in which the "
            "three cities of Enschede, Hengelo and Almelo cooperate as Netwerkstad Twente with Münster "
            "and Osnabrück. Together these cities form one large urban area in the centre of Europe.",
            "In MONT läuft die städtische grenzüberschreitende Zusammenarbeit zusammen. Es ist ein "
            "Beratungsgremium, in dem die drei Städte Enschede, Hengelo und Almelo als Netwerkstad "
            "Twente mit Münster und Osnabrück zusammenarbeiten. Gemeinsam bilden diese Städte einen "
            "großen städtischen Raum in der Mitte Europas.",
        ),
        "relationships": [
            {
                "kind": "cross_border",
                "region": "netwerkstad-twente",
                "note": Text(
                    "De drie steden werken in MONT als Netwerkstad Twente samen met Münster en Osnabrück.",
                    "The three cities cooperate in MONT as Netwerkstad Twente with Münster and Osnabrück.",
                    "Die drei Städte arbeiten in MONT als Netwerkstad Twente mit Münster und "
                    "Osnabrück zusammen.",
                ),
            },
        ],
        "members": [
            {"region": "netwerkstad-twente"},
            {"partner": "muenster"},
            {"partner": "osnabrueck"},
        ],
    },
    {
        "slug": "twente-board",
        "name": Text.same("Twente Board"),
        "kind": "network",
        "country": "NL",
        "city": "",
        "website": "",
        "summary": Text(
            "De Triple Helix-samenwerking in Twente: gemeenten, bedrijven en kennisinstellingen.",
            "The Triple Helix cooperation in the Twente region: municipalities, companies and "
            "knowledge institutions.",
            "Die Triple-Helix-Zusammenarbeit in Twente: Gemeinden, Unternehmen und Wissenseinrichtungen.",
        ),
        "description": Text(
            "Twente Board is de Triple Helix-samenwerking in de regio Twente, waarin gemeenten, "
            "bedrijven en kennisinstellingen zitten. Enschede, Hengelo en Almelo zijn lid. Samen met "
            "de Twente Board vertelt Enschede in Brussel over de Groene Technologische Topregio en "
            "laat zien hoe de regio kan bijdragen aan Europese uitdagingen op het gebied van milieu, "
            "energie, duurzaamheid en gezondheid.",
            "Twente Board is the Triple Helix cooperation in the Twente region, bringing together "
            "municipalities, companies and knowledge institutions. Enschede, Hengelo and Almelo are "
            "members. Together with the Twente Board, Enschede tells Brussels about the Green "
            "Technological Top Region and shows how the region can help meet European challenges in "
            "environment, energy, sustainability and health.",
            "Das Twente Board ist die Triple-Helix-Zusammenarbeit in der Region Twente, in der "
            "Gemeinden, Unternehmen und Wissenseinrichtungen vertreten sind. Enschede, Hengelo und "
            "Almelo sind Mitglieder. Gemeinsam mit dem Twente Board berichtet Enschede in Brüssel über "
            "die Grüne Technologische Spitzenregion und zeigt, wie die Region zu europäischen "
            "Herausforderungen in Umwelt, Energie, Nachhaltigkeit und Gesundheit beitragen kann.",
        ),
        "relationships": [
            {
                "kind": "network",
                "region": "twente",
                "note": Text(
                    "De Triple Helix-samenwerking in de regio Twente.",
                    "The Triple Helix cooperation in the Twente region.",
                    "Die Triple-Helix-Zusammenarbeit in der Region Twente.",
                ),
            },
        ],
        "members": [{"municipality": "enschede"}, {"municipality": "hengelo"}, {"municipality": "almelo"}],
    },
    # Knowledge institutes on the Dutch side
    {
        "slug": "universiteit-twente",
        "name": Text("Universiteit Twente", "University of Twente", "Universität Twente"),
        "kind": "knowledge_institute",
        "country": "NL",
        "city": "Enschede",
        "located_in": "enschede",
        "latitude": "52.239200",
        "longitude": "6.850600",
        "website": "https://www.utwente.nl",
        "summary": Text(
            "De toonaangevende technische universiteit van Twente, in Enschede.",
            "Twente's leading technical university, in Enschede.",
            "Die führende technische Universität Twentes, in Enschede.",
        ),
        "description": Text(
            "De Universiteit Twente is de toonaangevende technische universiteit van de regio. Uit de "
            "universiteit komen veel nieuwe bedrijven voort, en het kennis- en bedrijvenpark "
            "Kennispark Twente is eraan verbonden. In het publiek-private samenwerkingsverband Space53 "
            "werken bedrijven nauw samen met onder meer de Universiteit Twente. Eind 2017 sloot de "
            "universiteit met de gemeente Enschede een convenant over het aantrekken en behouden van "
            "talent.",
            "The University of Twente is the region's leading technical university. Many new "
            "companies arise from it, and the knowledge and business park Kennispark Twente is "
            "affiliated with it. In the public-private partnership Space53, companies work closely "
            "with the University of Twente among others. At the end of 2017 the university entered "
            "into a covenant with the municipality of Enschede on attracting and retaining talent.",
            "Die Universität Twente ist die führende technische Universität der Region. Aus ihr gehen "
            "viele neue Unternehmen hervor, und der Wissens- und Gewerbepark Kennispark Twente ist mit "
            "ihr verbunden. In der öffentlich-privaten Partnerschaft Space53 arbeiten Unternehmen eng "
            "mit unter anderem der Universität Twente zusammen. Ende 2017 schloss die Universität mit "
            "der Gemeinde Enschede eine Vereinbarung über das Gewinnen und Halten von Talenten.",
        ),
        "relationships": [_DUTCH_INSTITUTE_TIE],
    },
    {
        "slug": "saxion",
        "name": Text(
            "Saxion Hogeschool",
            "Saxion University of Applied Sciences",
            "Saxion Hochschule für angewandte Wissenschaften",
        ),
        "kind": "knowledge_institute",
        "country": "NL",
        "city": "Enschede",
        "located_in": "enschede",
        "latitude": "52.219300",
        "longitude": "6.888600",
        "website": "https://www.saxion.nl",
        "summary": Text(
            "Ondernemende hogeschool in Twente waaruit veel nieuwe bedrijven voortkomen.",
            "An enterprising university of applied sciences in Twente from which many new companies arise.",
            "Eine unternehmerische Hochschule in Twente, aus der viele neue Unternehmen hervorgehen.",
        ),
        "description": Text(
            "Saxion Hogeschool is een ondernemende kennisinstelling waaruit, net als uit de "
            "Universiteit Twente, veel nieuwe bedrijven voortkomen. Enschede noemt Saxion als een van "
            "de redenen waarom de regio internationaal interessant is, en in Space53 werken bedrijven "
            "nauw samen met onder meer Saxion. Eind 2017 sloot Saxion met de gemeente Enschede een "
            "convenant over het aantrekken en behouden van talent.",
            "Saxion University of Applied Sciences is an enterprising knowledge institute from which, "
            "as from the University of Twente, many new companies arise. Enschede names Saxion as one "
            "of the reasons the region is interesting internationally, and in Space53 companies work "
            "closely with Saxion among others. At the end of 2017 Saxion entered into a covenant with "
            "the municipality of Enschede on attracting and retaining talent.",
            "Die Saxion Hochschule ist eine unternehmerische Wissenseinrichtung, aus der wie aus der "
            "Universität Twente viele neue Unternehmen hervorgehen. Enschede nennt Saxion als einen "
            "der Gründe, warum die Region international interessant ist, und in Space53 arbeiten "
            "Unternehmen eng mit unter anderem Saxion zusammen. Ende 2017 schloss Saxion mit der "
            "Gemeinde Enschede eine Vereinbarung über das Gewinnen und Halten von Talenten.",
        ),
        "relationships": [_DUTCH_INSTITUTE_TIE],
    },
    {
        "slug": "roc-van-twente",
        "name": Text.same("ROC van Twente"),
        "kind": "knowledge_institute",
        "country": "NL",
        "city": "",
        "website": "https://www.rocvantwente.nl",
        "summary": Text(
            "Kennisinstelling aan de Nederlandse kant van de grens.",
            "A knowledge institute on the Dutch side of the border.",
            "Eine Wissenseinrichtung auf der niederländischen Seite der Grenze.",
        ),
        "description": Text(
            "ROC van Twente is een van de kennisinstellingen aan de Nederlandse kant van de grens die "
            "Netwerkstad Twente noemt, naast de Universiteit Twente, Saxion en AKI ArtEZ. Eind 2017 "
            "sloot het ROC met de gemeente Enschede een convenant waarin het aantrekken en behouden van "
            "talent een belangrijke rol speelt.",
            "ROC van Twente is one of the knowledge institutes on the Dutch side of the border that "
            "Netwerkstad Twente names, beside the University of Twente, Saxion and AKI ArtEZ. At the "
            "end of 2017 it entered into a covenant with the municipality of Enschede in which "
            "attracting and retaining talent plays a prominent role.",
            "Das ROC van Twente ist eine der Wissenseinrichtungen auf der niederländischen Seite der "
            "Grenze, die die Netwerkstad Twente nennt, neben der Universität Twente, Saxion und AKI "
            "ArtEZ. Ende 2017 schloss es mit der Gemeinde Enschede eine Vereinbarung, in der das "
            "Gewinnen und Halten von Talenten eine wichtige Rolle spielt.",
        ),
        "relationships": [_DUTCH_INSTITUTE_TIE],
    },
    {
        "slug": "aki-artez",
        "name": Text.same("AKI ArtEZ"),
        "kind": "knowledge_institute",
        "country": "NL",
        "city": "Enschede",
        "located_in": "enschede",
        "website": "https://www.artez.nl",
        "summary": Text(
            "AKI Academie voor Beeldende Kunst & Vormgeving van ArtEZ.",
            "AKI Academy of Art & Design of ArtEZ.",
            "AKI Akademie für Kunst & Design von ArtEZ.",
        ),
        "description": Text(
            "AKI ArtEZ, de AKI Academie voor Beeldende Kunst & Vormgeving, is een van de "
            "kennisinstellingen aan de Nederlandse kant van de grens die Netwerkstad Twente noemt. "
            "Eind 2017 sloot AKI ArtEZ samen met de Universiteit Twente, Saxion en ROC van Twente een "
            "convenant met de gemeente Enschede waarin het aantrekken en behouden van talent een "
            "belangrijke rol speelt.",
            "AKI ArtEZ, the AKI Academy of Art & Design, is one of the knowledge institutes on the "
            "Dutch side of the border that Netwerkstad Twente names. At the end of 2017 it entered, "
            "together with the University of Twente, Saxion and ROC van Twente, into a covenant with "
            "the municipality of Enschede in which attracting and retaining talent plays a prominent "
            "role.",
            "AKI ArtEZ, die AKI Akademie für Kunst & Design, ist eine der Wissenseinrichtungen auf der "
            "niederländischen Seite der Grenze, die die Netwerkstad Twente nennt. Ende 2017 schloss "
            "sie zusammen mit der Universität Twente, Saxion und dem ROC van Twente eine Vereinbarung "
            "mit der Gemeinde Enschede, in der das Gewinnen und Halten von Talenten eine wichtige "
            "Rolle spielt.",
        ),
        "relationships": [_DUTCH_INSTITUTE_TIE],
    },
    # Knowledge institutes on the German side
    {
        "slug": "universitaet-muenster",
        "name": Text(
            "Westfälische Wilhelms-Universität Münster",
            "University of Münster (Westfälische Wilhelms-Universität)",
            "Westfälische Wilhelms-Universität Münster",
        ),
        "kind": "knowledge_institute",
        "country": "DE",
        "city": "Münster",
        "latitude": "51.963600",
        "longitude": "7.613400",
        "website": "https://www.uni-muenster.de",
        "summary": Text(
            "Universiteit in Münster, kennisinstelling aan de Duitse kant van de grens.",
            "University in Münster, a knowledge institute on the German side of the border.",
            "Universität in Münster, eine Wissenseinrichtung auf der deutschen Seite der Grenze.",
        ),
        "description": _german_institute_description(
            "De Westfälische Wilhelms-Universität Münster",
            "The University of Münster (Westfälische Wilhelms-Universität)",
            "Die Westfälische Wilhelms-Universität Münster",
        ),
        "relationships": [_GERMAN_INSTITUTE_TIE],
    },
    {
        "slug": "universitaet-osnabrueck",
        "name": Text("Universiteit Osnabrück", "Osnabrück University", "Universität Osnabrück"),
        "kind": "knowledge_institute",
        "country": "DE",
        "city": "Osnabrück",
        "latitude": "52.271700",
        "longitude": "8.044200",
        "website": "https://www.uni-osnabrueck.de",
        "summary": Text(
            "Universiteit in Osnabrück, kennisinstelling aan de Duitse kant van de grens.",
            "University in Osnabrück, a knowledge institute on the German side of the border.",
            "Universität in Osnabrück, eine Wissenseinrichtung auf der deutschen Seite der Grenze.",
        ),
        "description": _german_institute_description(
            "De Universiteit Osnabrück", "Osnabrück University", "Die Universität Osnabrück"
        ),
        "relationships": [_GERMAN_INSTITUTE_TIE],
    },
    {
        "slug": "fh-muenster",
        "name": Text(
            "Fachhochschule Münster", "Münster University of Applied Sciences", "Fachhochschule Münster"
        ),
        "kind": "knowledge_institute",
        "country": "DE",
        "city": "Münster",
        "website": "https://www.fh-muenster.de",
        "summary": Text(
            "Hogeschool in Münster, kennisinstelling aan de Duitse kant van de grens.",
            "University of applied sciences in Münster, a knowledge institute on the German side of "
            "the border.",
            "Hochschule in Münster, eine Wissenseinrichtung auf der deutschen Seite der Grenze.",
        ),
        "description": _german_institute_description(
            "De Fachhochschule Münster",
            "Münster University of Applied Sciences",
            "Die Fachhochschule Münster",
        ),
        "relationships": [_GERMAN_INSTITUTE_TIE],
    },
    # Innovation organisations and public bodies in Twente
    {
        "slug": "novel-t",
        "name": Text.same("Novel-T"),
        "kind": "company",
        "country": "NL",
        "city": "Enschede",
        "located_in": "enschede",
        "website": "https://novelt.com",
        "summary": Text(
            "Ondersteunt het Twentse innovatie-ecosysteem met start-ups en scale-ups.",
            "Facilitates Twente's innovation ecosystem with start-ups and scale-ups.",
            "Unterstützt das Innovationsökosystem Twentes mit Start-ups und Scale-ups.",
        ),
        "description": Text(
            "Rond de universiteit en de hogeschool groeit een ecosysteem waarin mensgerichte innovatie "
            "centraal staat en kennisinstellingen, ondernemers en overheid elkaar ontmoeten. Novel-T "
            "ondersteunt dat ecosysteem met start-ups en scale-ups. Via novelt.com komen bedrijven en "
            "instellingen die naar Twente willen snel in contact met de mensen die hen verder helpen.",
            "Around the university and the university of applied sciences an ecosystem is developing "
            "in which human-centred innovation is central and knowledge institutes, entrepreneurs and "
            "the government meet. Novel-T facilitates that ecosystem with start-ups and scale-ups. "
            "Through novelt.com, companies and institutions that want to come to Twente quickly get "
            "in touch with the people who can help them move forward.",
            "Rund um die Universität und die Hochschule wächst ein Ökosystem, in dem menschzentrierte "
            "Innovation im Mittelpunkt steht und sich Wissenseinrichtungen, Unternehmer und Behörden "
            "begegnen. Novel-T unterstützt dieses Ökosystem mit Start-ups und Scale-ups. Über "
            "novelt.com kommen Unternehmen und Einrichtungen, die nach Twente kommen möchten, schnell "
            "mit den Menschen in Kontakt, die ihnen weiterhelfen.",
        ),
    },
    {
        "slug": "space53",
        "name": Text.same("Space53"),
        "kind": "company",
        "country": "NL",
        "city": "Enschede",
        "located_in": "enschede",
        "website": "",
        "summary": Text(
            "Publiek-private samenwerking van bedrijven met onderzoeks- en onderwijsinstellingen.",
            "A public-private partnership of companies with research and educational institutions.",
            "Öffentlich-private Partnerschaft von Unternehmen mit Forschungs- und Bildungseinrichtungen.",
        ),
        "description": Text(
            "Space53 is een publiek-private samenwerking waarin nationale en internationale bedrijven "
            "nauw samenwerken met onderzoeks- en onderwijsinstellingen zoals de Universiteit Twente en "
            "Saxion. Het wordt gepresenteerd samen met de Technology Base, het gebied rond de "
            "voormalige vliegbasis Twenthe voor het ontwikkelen en testen van onbemande systemen zoals "
            "drones.",
            "Space53 is a public-private partnership in which national and international companies "
            "work closely with research and educational institutions such as the University of Twente "
            "and Saxion. It is presented with Technology Base, the area around the former air force "
            "base Twenthe for developing and testing unmanned systems such as drones.",
            "Space53 ist eine öffentlich-private Partnerschaft, in der nationale und internationale "
            "Unternehmen eng mit Forschungs- und Bildungseinrichtungen wie der Universität Twente und "
            "Saxion zusammenarbeiten. Sie wird zusammen mit der Technology Base vorgestellt, dem "
            "Gelände rund um den ehemaligen Fliegerhorst Twenthe zum Entwickeln und Testen "
            "unbemannter Systeme wie Drohnen.",
        ),
    },
    {
        "slug": "twente-safety-campus",
        "name": Text.same("Twente Safety Campus"),
        "kind": "company",
        "country": "NL",
        "city": "Enschede",
        "located_in": "enschede",
        "website": "",
        "summary": Text(
            "Ontmoetingsplek voor innovatie en ontwikkeling van veiligheidsproducten, -diensten en "
            "-oplossingen.",
            "The meeting place for innovation and development of safety-related products, services "
            "and solutions.",
            "Treffpunkt für Innovation und Entwicklung von Produkten, Dienstleistungen und Lösungen "
            "rund um die Sicherheit.",
        ),
        "description": Text(
            "De Twente Safety Campus is de ontmoetingsplek voor innovatie en ontwikkeling van "
            "producten, diensten en oplossingen op het gebied van veiligheid. Hij wordt genoemd bij de "
            "Technology Base, waar bedrijven en instellingen in een gecontroleerde omgeving onbemande "
            "systemen testen en realistische situaties simuleren.",
            "The Twente Safety Campus is the meeting place for innovation and development of "
            "safety-related products, services and solutions. It is presented with Technology Base, "
            "where companies and institutions test unmanned systems and simulate real-life situations "
            "in a controlled environment.",
            "Der Twente Safety Campus ist der Treffpunkt für Innovation und Entwicklung von Produkten, "
            "Dienstleistungen und Lösungen rund um die Sicherheit. Er wird zusammen mit der Technology "
            "Base vorgestellt, wo Unternehmen und Einrichtungen in einer kontrollierten Umgebung "
            "unbemannte Systeme testen und reale Situationen simulieren.",
        ),
    },
    {
        "slug": "ggd-twente",
        "name": Text.same("GGD Twente"),
        "kind": "government",
        "country": "NL",
        "city": "",
        "website": "https://www.ggdtwente.nl",
        "summary": Text(
            "De regionale gezondheidsdienst, onderdeel van het domein Gezondheid van Regio Twente.",
            "The regional health service, part of Regio Twente's Health domain.",
            "Der regionale Gesundheitsdienst, Teil des Bereichs Gesundheit der Regio Twente.",
        ),
        "description": Text(
            "GGD Twente is de regionale gezondheidsdienst en vormt het domein Gezondheid van Regio "
            "Twente. Veel mensen kennen de GGD als de vertrouwde plek voor vaccinaties voor een reis. "
            "Regio Twente, waartoe de GGD behoort, werkt met ongeveer 600 medewerkers aan een levendig "
            "en welvarend Twente voor alle inwoners van de Twentse gemeenten.",
            "GGD Twente is the regional health service and forms the Health domain of Regio Twente. "
            "Many people know the GGD as the familiar place for vaccinations before travelling. "
            "Regio Twente, of which the GGD is part, works with around 600 employees for a vibrant and "
            "prosperous Twente for all inhabitants of the Twente municipalities.",
            "Die GGD Twente ist der regionale Gesundheitsdienst und bildet den Bereich Gesundheit der "
            "Regio Twente. Viele kennen die GGD als vertraute Anlaufstelle für Reiseimpfungen. Die Regio "
            "Twente, zu der die GGD gehört, arbeitet mit rund 600 Beschäftigten für ein lebendiges und "
            "wohlhabendes Twente für alle Einwohner der Twenter Gemeinden.",
        ),
    },
]


CONTACTS = [
    {
        "kind": "person",
        "name": "Bart Molenkamp",
        "job_title": Text(
            "Europees liaison officer, Netwerkstad Twente",
            "European Liaison Officer, Netwerkstad Twente",
            "Europäischer Verbindungsbeauftragter (European Liaison Officer), Netwerkstad Twente",
        ),
        "municipality": "enschede",
        "email": "",
        "preferred_language": "nl",
        "topics": ["mobility", "energy", "climate-adaptation", "water"],
        "is_public": True,
        "notes": (
            "Named as European Liaison Officer under 'Contact details' on the Netwerkstad Twente page. "
            "Netwerkstad Twente is an alliance, not an organisation a contact can belong to; attached "
            "to Enschede, whose pages and mailbox the documents give for international contact. "
            "Check the organisation, email and phone."
        ),
    },
    {
        "kind": "person",
        "name": "Onno van Veldhuizen",
        "job_title": Text("Burgemeester van Enschede", "Mayor of Enschede", "Bürgermeister von Enschede"),
        "municipality": "enschede",
        "email": "onno@enschede.nl",
        "preferred_language": "nl",
        "topics": ["smart-city", "economy"],
        "is_public": True,
        "notes": (
            "Mayor of Enschede in the City of Enschede's article 'Enschede: Smart City at Euregio "
            "scale' of 11 January 2019, which publishes this email address. Check whether he is "
            "still in office."
        ),
    },
    {
        "kind": "person",
        "name": "Roelof Bleker",
        "job_title": Text("Burgemeester", "Mayor", "Bürgermeister"),
        "municipality": "enschede",
        "email": "",
        "preferred_language": "nl",
        "topics": [],
        "is_public": True,
        "notes": (
            "Signs the Netwerkstad Twente page as 'Mayor' (beside a link to an official website); the "
            "document names no city. Attached to Enschede, the largest of the three Netwerkstad "
            "cities, as the context implies. Check the municipality."
        ),
    },
    {
        "kind": "mailbox",
        "name": "Internationale samenwerking gemeente Enschede",
        "job_title": Text(
            "Vragen over de internationale samenwerking van Enschede",
            "Questions about Enschede's international cooperation",
            "Fragen zur internationalen Zusammenarbeit Enschedes",
        ),
        "municipality": "enschede",
        "email": "info-internationaal@enschede.nl",
        "preferred_language": "nl",
        "topics": ["economy", "climate-adaptation", "language-and-culture"],
        "is_public": True,
        "notes": "The mailbox Enschede's page on international cooperation gives for questions.",
    },
]
