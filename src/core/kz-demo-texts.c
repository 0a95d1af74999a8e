/* kz-demo-texts.c
 *
 * Copyright 2026 The Kompetenz authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <https://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kz-demo"

#include "config.h"

#include "kz-demo-private.h"

/* Projects, funding programmes, trainings, cooperation with firms and
 * site visits of the demo portfolio: German content, not translated. */

#define GENERIC_MILESTONES \
  "Kick-off mit Leitung und Mitarbeitervertretung|Ist-Analyse abgeschlossen|" \
  "Anforderungen beschrieben|Angebote eingeholt und Dienstleister beauftragt|" \
  "Mitarbeitende geschult|Go-live|Evaluation und Abschlussbericht"

const KzDemoProjectPattern _kz_demo_project_patterns[] = {
  { "Telematikinfrastruktur-Anbindung ambulanter Pflegedienst", "management", "elderly",
    "TI,KIM,SMC-B,eHBA",
    "Anbindung des ambulanten Pflegedienstes an die Telematikinfrastruktur, die seit dem "
    "1. Juli 2025 verpflichtend ist: SMC-B und eHBA beantragen, KIM-Postfach einrichten und "
    "die Abläufe mit Hausarztpraxen und Apotheken anpassen.",
    "SMC-B und eHBA beantragt|TI-Gateway eingerichtet|KIM-Postfach in Betrieb|"
    "Mitarbeitende geschult|Erste KIM-Nachrichten mit Hausarztpraxen ausgetauscht",
    5000, 30000 },
  { "TI-Anbindung der stationären Pflegeeinrichtung", "management", "elderly",
    "TI,KIM,Pflege",
    "Die Einrichtung wird an die Telematikinfrastruktur angebunden, damit ärztliche "
    "Verordnungen, Medikationspläne und Arztbriefe sicher digital ausgetauscht werden.",
    "Bestandsaufnahme Praxisverwaltungssoftware|SMC-B beantragt|KIM-Anbindung getestet|"
    "Echtbetrieb mit Hausärzt:innen",
    8000, 40000 },
  { "Elektronische Abrechnung nach SGB XI", "management", "elderly",
    "SGB XI,Abrechnung,Pflegekassen",
    "Umstellung auf das vollständig elektronische Abrechnungsverfahren mit den Pflegekassen, "
    "das ab 1. Dezember 2026 gilt. Leistungsnachweise werden künftig digital erfasst.",
    "Ist-Analyse Abrechnungsprozess|Softwareanbieter ausgewählt|Testabrechnung mit einer Pflegekasse|"
    "Echtbetrieb elektronische Abrechnung",
    5000, 25000 },
  { "Digitale Pflegedokumentation", "management", "elderly",
    "Pflegedokumentation,Strukturmodell,Tablets",
    "Einführung einer digitalen Pflegedokumentation nach dem Strukturmodell mit mobilen "
    "Endgeräten, damit Pflegekräfte direkt am Bett dokumentieren und Doppelerfassungen entfallen.",
    "Software ausgewählt|WLAN in den Wohnbereichen ausgebaut|Pilotbereich gestartet|"
    "Alle Wohnbereiche umgestellt|Papierdokumentation abgelöst",
    20000, 150000 },
  { "Digitale Dienstplanung", "organisation", NULL,
    "Dienstplan,App,Arbeitszeit",
    "Dienstpläne, Tauschwünsche und Ausfallmanagement laufen künftig über eine App. "
    "Ziel sind verlässlichere Pläne und weniger Telefonate am Wochenende.",
    "Anforderungen mit Mitarbeitervertretung abgestimmt|Dienstvereinbarung unterzeichnet|"
    "Pilotteam nutzt die App|Einführung in allen Teams",
    8000, 60000 },
  { "Online-Beratung Schuldnerberatung", "counselling", "special",
    "Online-Beratung,Blended Counseling,Schuldnerberatung",
    "Ratsuchende können die Schuldnerberatung per datenschutzkonformer Chat- und "
    "Videoberatung erreichen; Unterlagen werden sicher hochgeladen statt gefaxt.",
    "Beratungsplattform ausgewählt|Datenschutz-Folgenabschätzung|Beraterinnen geschult|"
    "Online-Beratung freigeschaltet|Auswertung nach sechs Monaten",
    10000, 60000 },
  { "Blended Counseling in der Suchtberatung", "counselling", "special",
    "Online-Beratung,Blended Counseling,Sucht",
    "Präsenz-, Telefon- und Onlineberatung werden zu einem abgestimmten Beratungsprozess "
    "verbunden, damit auch Menschen im ländlichen Raum erreicht werden.",
    "Beratungskonzept erstellt|Plattform eingerichtet|Team geschult|Erste Online-Gruppen gestartet",
    15000, 80000 },
  { "Online-Beratung für Familien", "counselling", "family",
    "Online-Beratung,Familien,Messenger",
    "Familien erhalten niedrigschwellige Beratung per Chat und Video, auch am Abend.",
    "Zielgruppenbefragung|Plattform eingerichtet|Beratungszeiten erweitert|Evaluation",
    10000, 50000 },
  { "Digitallotsen für Senior:innen", "volunteering", "elderly",
    "Digitallotsen,Ehrenamt,digitale Teilhabe",
    "Ehrenamtliche Digitallotsen begleiten ältere Menschen beim Umgang mit Smartphone, "
    "Tablet und Online-Terminbuchung; Sprechstunden finden im Quartier statt.",
    "Ehrenamtliche gewonnen|Multiplikator:innen-Schulung abgeschlossen|Leihgeräte beschafft|"
    "Wöchentliche Sprechstunde läuft|Abschlussveranstaltung",
    5000, 40000 },
  { "WLAN für Bewohner:innen", "social_space", "elderly",
    "WLAN,digitale Teilhabe,Infrastruktur",
    "Flächendeckendes, kostenfreies WLAN für Bewohner:innen und Gäste, getrennt vom "
    "Verwaltungsnetz, als Grundlage für Videotelefonie mit Angehörigen.",
    "Netzwerkausleuchtung|Angebote eingeholt|Installation abgeschlossen|Bewohner:innen informiert",
    8000, 70000 },
  { "WLAN und Medienecke im Wohnheim", "social_space", "disability",
    "WLAN,digitale Teilhabe,Eingliederungshilfe",
    "Bewohner:innen der besonderen Wohnform erhalten WLAN und eine betreute Medienecke.",
    "Netzwerkausleuchtung|WLAN installiert|Medienecke eingerichtet|Assistenzkräfte geschult",
    8000, 60000 },
  { "Cloud-Migration der Verwaltung", "management", NULL,
    "Cloud,Microsoft 365,Datenschutz",
    "Der lokale Server wird abgelöst; Dateien, E-Mail und Kalender ziehen in eine "
    "DSGVO-konforme Cloud-Umgebung mit Mehr-Faktor-Anmeldung.",
    "Bestandsaufnahme Server und Lizenzen|AVV mit Cloud-Anbieter abgeschlossen|Migration E-Mail|"
    "Migration Dateiablage|Alter Server abgeschaltet",
    10000, 90000 },
  { "NIS2-Check und IT-Sicherheit", "management", NULL,
    "NIS2,IT-Sicherheit,Notfallplan",
    "Prüfung, ob der Träger unter die NIS2-Regeln fällt, Risikoanalyse und Aufbau eines "
    "Informationssicherheits-Managements mit Notfallplan und Awareness-Schulungen.",
    "Betroffenheitsprüfung NIS2|Risikoanalyse|Notfallplan verabschiedet|Awareness-Schulung|"
    "Backup-Konzept getestet",
    8000, 80000 },
  { "KI-Assistenz im Beratungsalltag", "counselling", NULL,
    "KI,Datenschutz,Pilot",
    "Erprobung eines datenschutzkonformen KI-Assistenten, der Gesprächsnotizen strukturiert, "
    "Formulare vorausfüllt und Fachkräfte bei Recherchen unterstützt.",
    "KI-Leitlinie verabschiedet|Anbieter geprüft|Pilotphase mit zwei Teams|Auswertung und Entscheidung",
    10000, 70000 },
  { "Datenschutz-Management nach DSGVO", "organisation", NULL,
    "DSGVO,Datenschutz,Verarbeitungsverzeichnis",
    "Aufbau eines Datenschutz-Managements: Verarbeitungsverzeichnis, AVV-Übersicht, "
    "Löschkonzept und Schulungen für alle Mitarbeitenden.",
    "Verarbeitungsverzeichnis erstellt|AVV geprüft|Löschkonzept verabschiedet|Mitarbeitende geschult",
    5000, 30000 },
  { "Lerninsel digitale Teilhabe", "social_space", "disability",
    "Lerninsel,Tablets,Barrierefreiheit",
    "In der Werkstatt entsteht eine Lerninsel mit barrierearmen Tablets, an der Beschäftigte "
    "digitale Alltagskompetenzen üben.",
    "Raum eingerichtet|Geräte beschafft|Lernmaterial in Leichter Sprache|Lerngruppen gestartet",
    5000, 45000 },
  { "Digitale Teilhabe in der Eingliederungshilfe", "social_space", "disability",
    "digitale Teilhabe,Assistenz,Barrierefreiheit",
    "Menschen mit Behinderung werden individuell bei der Nutzung digitaler Medien begleitet; "
    "Assistenzkräfte werden dafür qualifiziert.",
    "Bedarfserhebung|Assistenzkräfte geschult|Geräte ausgegeben|Erfahrungsaustausch",
    10000, 90000 },
  { "Kita-App für Elternkommunikation", "social_space", "youth",
    "Kita,App,Elternkommunikation",
    "Elternbriefe, Krankmeldungen und Termine laufen über eine datenschutzkonforme Kita-App "
    "statt über Zettel und private Messenger.",
    "App ausgewählt|Einwilligungen der Eltern eingeholt|Pilot in einer Gruppe|Alle Gruppen umgestellt",
    5000, 20000 },
  { "Medienkompetenz in der offenen Jugendarbeit", "education", "youth",
    "Jugend,Medienkompetenz,Workshops",
    "Jugendliche gestalten Podcasts und Videos und lernen dabei, Falschmeldungen und "
    "Datenspuren zu erkennen.",
    "Workshopreihe geplant|Technik beschafft|Erste Workshops|Abschlusspräsentation",
    5000, 35000 },
  { "Digitale Hilfeplanung in der Jugendhilfe", "management", "youth",
    "Jugendhilfe,Fachsoftware,Hilfeplanung",
    "Hilfepläne und Berichte werden in einer Fachsoftware erstellt und mit dem Jugendamt "
    "sicher ausgetauscht.",
    GENERIC_MILESTONES, 15000, 90000 },
  { "Digitale Erreichbarkeit der Migrationsberatung", "counselling", "special",
    "Migrationsberatung,mehrsprachig,Messenger",
    "Ratsuchende erreichen die Migrationsberatung über einen sicheren Messenger in mehreren "
    "Sprachen; Termine können online gebucht werden.",
    "Messenger-Dienst geprüft|Online-Terminbuchung eingerichtet|Übersetzungen erstellt|Evaluation",
    5000, 40000 },
  { "Digitale Grundversorgung in der Wohnungslosenhilfe", "social_space", "special",
    "Wohnungslosenhilfe,WLAN,Ladestationen",
    "Tagesaufenthalt mit WLAN, Ladestationen und einem betreuten PC-Platz, damit "
    "wohnungslose Menschen Behördenpost und Termine erreichen.",
    "Konzept abgestimmt|Technik installiert|Sprechstunde eingerichtet|Auswertung",
    5000, 30000 },
  { "Ehrenamtsmanagement-Plattform", "volunteering", "selfhelp",
    "Ehrenamt,Plattform,Einsatzplanung",
    "Ehrenamtliche finden Einsätze, tragen sich in Dienste ein und erhalten Neuigkeiten "
    "über eine gemeinsame Plattform.",
    "Plattform ausgewählt|Ehrenamtliche registriert|Einsatzplanung umgestellt|Evaluation",
    5000, 30000 },
  { "Digitale Selbsthilfegruppen", "volunteering", "selfhelp",
    "Selbsthilfe,Videokonferenz,digitale Teilhabe",
    "Selbsthilfegruppen treffen sich zusätzlich online; Gruppensprecher:innen werden in "
    "sicherer Moderation geschult.",
    "Videokonferenz-Lösung bereitgestellt|Moderationsschulung|Erste Online-Treffen|Erfahrungsbericht",
    5000, 20000 },
  { "E-Learning-Plattform für Mitarbeitende", "education", NULL,
    "E-Learning,Pflichtschulungen,Qualifizierung",
    "Pflichtunterweisungen zu Hygiene, Datenschutz und Arbeitsschutz werden als E-Learning "
    "angeboten und automatisch dokumentiert.",
    "Lernplattform eingerichtet|Pflichtschulungen digitalisiert|Rollout an alle Standorte|Auswertung",
    10000, 60000 },
  { "Digitalstrategie für den Träger", "management", NULL,
    "Strategie,Reifegrad,Roadmap",
    "Aus einem Reifegrad-Check und Workshops mit Leitung und Mitarbeitenden entsteht eine "
    "Digitalstrategie mit Roadmap für drei Jahre.",
    "Reifegrad-Check durchgeführt|Strategieworkshop|Roadmap verabschiedet|Vorstellung in der Mitarbeiterversammlung",
    5000, 40000 },
  { "Führungskräfteentwicklung digitale Transformation", "organisation", NULL,
    "Führung,Qualifizierung,Change",
    "Leitungskräfte werden in einem Entwicklungsprogramm auf Führung in der digitalen "
    "Transformation vorbereitet.",
    "Auftaktworkshop|Modul 1 abgeschlossen|Kollegiale Beratung|Abschlussmodul",
    10000, 70000 },
  { "Digitales Bewerbermanagement", "organisation", NULL,
    "Fachkräftesicherung,Recruiting,Karriereseite",
    "Stellenanzeigen, Bewerbungen und Rückmeldungen laufen über ein Bewerbermanagement; "
    "eine mobile Karriereseite verkürzt den Weg zur Bewerbung.",
    "System ausgewählt|Karriereseite online|Prozess mit Mitarbeitervertretung abgestimmt|Auswertung",
    5000, 35000 },
  { "Videosprechstunde in der Gesundheitshilfe", "counselling", "health",
    "Telemedizin,Videosprechstunde,Gesundheit",
    "Beratungen und Nachsorgegespräche finden auch per zertifizierter Videosprechstunde statt.",
    "Anbieter zertifiziert|Räume ausgestattet|Team geschult|Regelbetrieb",
    5000, 40000 },
  { "Telemedizin im Pflegeheim", "management", "elderly",
    "Telemedizin,Pflege,Hausärzt:innen",
    "Hausärztliche Visiten werden durch Telekonsile ergänzt, um Krankenhauseinweisungen zu vermeiden.",
    "Kooperationsvereinbarung mit Praxen|Technik installiert|Erste Telekonsile|Evaluation",
    15000, 120000 },
  { "Quartiers-App für Nachbarschaftshilfe", "social_space", NULL,
    "Quartier,App,Nachbarschaftshilfe",
    "Eine Quartiers-App bringt Nachbarschaftshilfe, Veranstaltungen und Beratungsangebote "
    "der Einrichtung zusammen.",
    "Beteiligungsworkshop im Quartier|App konfiguriert|Start mit Quartiersfest|Evaluation",
    10000, 80000 },
  { "Barrierefreie Website", "management", NULL,
    "Barrierefreiheit,BITV,Leichte Sprache",
    "Relaunch der Website nach BITV 2.0 mit Inhalten in Leichter Sprache und "
    "Online-Kontaktformular.",
    "Barrierefreiheits-Test der alten Website|Agentur beauftragt|Texte in Leichter Sprache|Website online",
    5000, 30000 },
  { "Dokumentenmanagement und E-Akte", "management", NULL,
    "E-Akte,Dokumentenmanagement,Verwaltung",
    "Personal- und Klientenakten werden digitalisiert und revisionssicher archiviert.",
    GENERIC_MILESTONES, 15000, 120000 },
  { "Robotik und Assistenzsysteme in der Pflege", "management", "elderly",
    "Assistenzsysteme,Sturzerkennung,Innovation",
    "Erprobung von Sensorik zur Sturzerkennung und eines Serviceroboters in einem Wohnbereich, "
    "begleitet von einer Hochschule.",
    "Ethik- und Datenschutzprüfung|Installation im Pilotwohnbereich|Zwischenauswertung|Abschlussbericht",
    30000, 250000 },
  { "Fachkräfte-Qualifizierung digitale Kompetenzen", "education", NULL,
    "Qualifizierung,digitale Kompetenzen,ESF Plus",
    "Beschäftigte aller Bereiche erwerben in modularen Kursen digitale Grundkompetenzen; "
    "Digital-Coaches unterstützen in den Teams.",
    "Kompetenzerhebung|Digital-Coaches ausgebildet|Kursmodule durchgeführt|Transfer in die Teams",
    20000, 200000 },
};
KZ_DEMO_LEN (_kz_demo_project_patterns);

const char * const _kz_demo_general_tags[] = {
  "Pilot", "ländlicher Raum", "Ehrenamt", "Barrierefreiheit", "DSGVO", "Förderung",
  "Quartier", "Fachkräftesicherung", "Schnittstellen", "Open Source", "Verbundprojekt",
};
KZ_DEMO_LEN (_kz_demo_general_tags);

const KzDemoProgramme _kz_demo_programmes[] = {
  { "DigiWohl – Digitalisierung in der Wohlfahrtspflege (ESF Plus)", "DigiWohl",
    "Europäischer Sozialfonds Plus (ESF Plus) / Bundesministerium für Familie, Senioren, Frauen und Jugend",
    250000, 80, "https://www.esf.de",
    "Förderprogramm aus dem ESF Plus für digitale Kompetenzen und Strukturen in Einrichtungen "
    "der Freien Wohlfahrtspflege.",
    "Interessenbekundung DigiWohl {year}", 1, 12, NULL },
  { "rückenwind+ – Personal- und Organisationsentwicklung in der Sozialwirtschaft (ESF Plus)",
    "rückenwind+", "Europäischer Sozialfonds Plus (ESF Plus) / Bundesarbeitsgemeinschaft der Freien Wohlfahrtspflege",
    400000, 80, "https://www.bagfw-esf.de",
    "Fördert Personal- und Organisationsentwicklung, etwa die Qualifizierung von Beschäftigten "
    "für die digitale Transformation.",
    "rückenwind+ Förderaufruf {year}", 1, 8, NULL },
  { "Zukunftssicherung der Freien Wohlfahrtspflege durch Digitalisierung", "Zukunftssicherung",
    "Bundesministerium für Familie, Senioren, Frauen und Jugend",
    200000, 90, "https://www.bmfsfj.de",
    "Bundesprogramm für digitale Strukturen, Kompetenzen und Angebote der Freien Wohlfahrtspflege.",
    "Antragsfrist {n}. Förderrunde {year}", 1, 10, NULL },
  { "Aktion Mensch – Internet für Alle", "Internet für Alle", "Aktion Mensch e.V.",
    50000, 90, "https://www.aktion-mensch.de/foerderung",
    "Förderung digitaler Teilhabe von Menschen mit Behinderung und anderen benachteiligten "
    "Gruppen: Geräte, Zugang und Begleitung.",
    NULL, 0, 12, "disability,elderly,special,selfhelp,youth" },
  { "Aktion Mensch – #1Barriere weniger", "#1Barriere weniger", "Aktion Mensch e.V.",
    5000, 100, "https://www.aktion-mensch.de/foerderung",
    "Kleinförderung für den Abbau einer konkreten Barriere. Voraussetzung ist ein privater "
    "oder öffentlicher Kooperationspartner.",
    NULL, 0, 6, "disability,elderly,health" },
  { "Deutsche Fernsehlotterie – Projektförderung", "Fernsehlotterie",
    "Deutsche Fernsehlotterie / Stiftung Deutsches Hilfswerk",
    300000, 80, "https://www.fernsehlotterie.de",
    "Förderung sozialer Projekte; über Anträge wird in zwei Vergaberunden im Jahr entschieden.",
    "Stichtag {n}. Vergaberunde {year}", 2, 10, NULL },
  { "Förderung der ambulanten Pflege im ländlichen Raum", "Ambulante Pflege Land",
    "Land Niedersachsen, Landesamt für Soziales, Jugend und Familie",
    40000, 90, "https://soziales.niedersachsen.de",
    "Landesförderung für ambulante Pflegedienste im ländlichen Raum, bis zu 90 % und höchstens "
    "40 000 Euro je Dienst und Jahr.",
    "Antragsfrist Pflegeförderung {year}", 1, 8, "elderly,health" },
  { "GlücksSpirale – Förderung über die Wohlfahrtsverbände", "GlücksSpirale",
    "Landesarbeitsgemeinschaft der Freien Wohlfahrtspflege Niedersachsen (Mittel der GlücksSpirale)",
    50000, 70, "https://www.gluecksspirale.de",
    "Zuschüsse für Investitionen und Modellvorhaben von Mitgliedsorganisationen der Verbände.",
    "Antragsschluss {n}. Halbjahr {year}", 2, 6, NULL },
  { "Digitalfonds Soziales Niedersachsen", "Digitalfonds",
    "Stiftung Soziale Zukunft Niedersachsen",
    30000, 70, "https://www.stiftung-soziale-zukunft.example.org",
    "Stiftungsmittel für kleine Digitalisierungsvorhaben gemeinnütziger Träger.",
    "Förderrunde {n}/{year}", 2, 6, NULL },
  { "Förderfonds Digitales Ehrenamt", "Bürgerstiftung",
    "Bürgerstiftung Weser-Ems",
    10000, 80, "https://www.buergerstiftung-weser-ems.example.org",
    "Zuschüsse für Geräte und Schulungen im Ehrenamt.",
    "Einreichungsfrist {year}", 1, 4, "selfhelp,elderly,youth,family" },
  { "Eigenmittel des Trägers", "Eigenmittel", "Eigenmittel (Rücklagen und Spenden)",
    0, 100, NULL,
    "Eigenanteil aus Rücklagen, Spenden und Leistungsentgelten; Freigabe durch Vorstand oder "
    "Geschäftsführung.",
    NULL, 0, 4, NULL },
};
KZ_DEMO_LEN (_kz_demo_programmes);

const KzDemoTopic _kz_demo_topics[] = {
  { "Führung in der digitalen Transformation",
    "Führen in der digitalen Transformation|Digital Leadership für Leitungskräfte|Führen auf Distanz",
    "organisation", "onsite,certificate,blended,workshop",
    "Rollen, Haltung und Werkzeuge von Leitungskräften, wenn Arbeit digitaler wird." },
  { "Datenschutz",
    "Datenschutz kompakt für Leitungskräfte|DSGVO im Beratungsalltag|Datenschutz bei Messenger und Videoberatung",
    "management", "online,onsite,inhouse",
    "Rechtsgrundlagen, Einwilligungen, Auftragsverarbeitung und typische Fehler im Alltag." },
  { "IT-Sicherheit",
    "IT-Sicherheit und NIS2 für soziale Träger|Phishing erkennen – Awareness-Schulung|Notfallplan IT: Was tun bei einem Cyberangriff?",
    "management", "online,onsite,inhouse,hybrid",
    "Risiken erkennen, Verantwortlichkeiten klären und einen IT-Notfallplan aufbauen." },
  { "KI im sozialen Bereich",
    "KI im sozialen Bereich – Chancen und Grenzen|KI-Assistenten sicher im Arbeitsalltag nutzen|KI-Werkstatt für Beratungsstellen",
    "management", "online,hybrid,workshop",
    "Was generative KI kann, wo sie in der Sozialen Arbeit hilft und was der Datenschutz verlangt." },
  { "Online-Beratung",
    "Online-Beratung: Grundlagen und Methoden|Blended Counseling in der Praxis|Chatberatung für Fachkräfte",
    "counselling", "online,blended,certificate",
    "Schriftbasierte und Video-Beratung, Krisenintervention online und datenschutzkonforme Plattformen." },
  { "Agiles Arbeiten",
    "Agiles Arbeiten in sozialen Organisationen|Scrum und Kanban im Projektalltag|Design Thinking für soziale Innovationen",
    "organisation", "workshop,onsite,hybrid",
    "Agile Methoden ausprobieren und auf die eigene Organisation übertragen." },
  { "Digitallotsen-Schulung",
    "Digitallotsen-Schulung für Ehrenamtliche|Multiplikator:innen-Schulung digitale Teilhabe|Tablet-Sprechstunde aufbauen",
    "volunteering", "multiplier,onsite,hybrid",
    "Ehrenamtliche werden befähigt, ältere Menschen beim Einstieg in die digitale Welt zu begleiten." },
  { "Telematikinfrastruktur",
    "TI-Einstieg für Pflegedienste: KIM, eHBA und SMC-B|Elektronische Abrechnung nach SGB XI",
    "management", "online,inhouse",
    "Pflichten, Fristen und praktische Schritte zur Anbindung an die Telematikinfrastruktur.",
    "elderly" },
  { "Barrierefreiheit",
    "Barrierefreie Dokumente und Websites|Leichte Sprache digital",
    "social_space", "online,workshop",
    "Barrierefreie PDF, Websites nach BITV 2.0 und verständliche Sprache." },
  { "Digitale Öffentlichkeitsarbeit",
    "Social Media für Verbände und Einrichtungen|Öffentlichkeitsarbeit digital",
    "management", "online,workshop",
    "Kanäle auswählen, Redaktionsplan erstellen und rechtssicher posten." },
  { "Change-Management",
    "Veränderungen begleiten: Change-Management in der Digitalisierung|Mitarbeitende mitnehmen: Beteiligung der Mitarbeitervertretung",
    "organisation", "onsite,blended,certificate",
    "Widerstände verstehen, Beteiligung organisieren und Veränderungen gut kommunizieren." },
  { "Strategieentwicklung",
    "Strategieworkshop mit Lego Serious Play|Digitalstrategie in fünf Schritten",
    "management", "workshop,inhouse",
    "Mit kreativen Methoden eine gemeinsame Vorstellung der digitalen Zukunft entwickeln." },
  { "Digitale Zusammenarbeit",
    "Microsoft 365 und Nextcloud im Team|Videokonferenzen gut moderieren",
    "education", "online,inhouse,blended",
    "Gemeinsam an Dokumenten arbeiten, Ablagen strukturieren und Besprechungen online leiten." },
};
KZ_DEMO_LEN (_kz_demo_topics);

const char * const _kz_demo_months[] = {
  "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
  "September", "Oktober", "November", "Dezember",
};
KZ_DEMO_LEN (_kz_demo_months);

const char * const _kz_demo_venues[] = {
  "Kompetenzzentrum, Seminarraum 1, Hannover",
  "Kompetenzzentrum, Seminarraum 2, Hannover",
  "Tagungshaus am Steinhuder Meer, Wunstorf",
  "Ev. Bildungszentrum, Oldenburg",
  "Katholische Akademie, Osnabrück",
  "Haus der Familie, Braunschweig",
  "Bildungsstätte Heideland, Soltau",
  "Digitallabor der Hochschule, Göttingen",
  "Tagungszentrum Lüneburger Heide, Lüneburg",
};
KZ_DEMO_LEN (_kz_demo_venues);

const KzDemoCooperation _kz_demo_cooperations[] = {
  { "pro_bono",
    "Pro-bono-IT-Check durch {firm}|Pro-bono-Datenschutzberatung für {org}|Website-Relaunch pro bono mit {firm}",
    "Schwachstellenanalyse übergeben; drei Sofortmaßnahmen wurden umgesetzt.|"
    "Datenschutzkonzept überarbeitet und AVV-Vorlagen erstellt.|"
    "Neue barrierearme Website ist online.",
    30, 240, 18, "IT-Dienstleister|Softwarehaus|Beratung|Medien und Kommunikation|Telekommunikation" },
  { "volunteering",
    "Social Day: {firm} bei {org}|Corporate Volunteering: Tablet-Nachmittag mit Bewohner:innen|Digitaltag mit Auszubildenden von {firm}",
    "Zwölf Mitarbeitende haben einen Tag lang Tablets eingerichtet und Bewohner:innen begleitet.|"
    "Medienecke gemeinsam aufgebaut; Folgetermin für das nächste Jahr vereinbart.|"
    "Auszubildende haben Ehrenamtliche im Umgang mit Smartphones geschult.",
    0, 0, 16, NULL },
  { "mentoring",
    "Mentoring Digitalstrategie: {firm} begleitet {org}|Patenschaft für die IT-Leitung von {org}|Tandem-Mentoring für Führungskräfte",
    "Monatliche Mentoring-Gespräche; Digitalstrategie liegt als Entwurf vor.|"
    "Die IT-Leitung hat ein Notfallkonzept mit Unterstützung des Paten erarbeitet.|"
    "Tandems bewerten das Programm als sehr hilfreich; Fortsetzung geplant.",
    180, 540, 12, NULL },
  { "hospitation",
    "SeitenWechsel: Führungskraft von {firm} hospitiert bei {org}|Jobswap IT-Administration mit {firm}",
    "Perspektivwechsel gelungen; gemeinsame Auswertung mit beiden Organisationen.|"
    "Hospitation brachte Ideen für schlankere Abläufe in der Verwaltung.",
    5, 182, 8, "Bank|Versicherung|Energieversorgung|Automobilzulieferer|Logistik|IT-Dienstleister|Telekommunikation" },
  { "secondment",
    "Secondment: IT-Projektleitung von {firm} unterstützt {org}|Entsendung einer Datenanalystin zu {org}",
    "Projektleitung aus der Wirtschaft hat die Cloud-Migration strukturiert.|"
    "Kennzahlen-Dashboard für die Geschäftsführung aufgebaut.",
    90, 365, 5, "Bank|Versicherung|Energieversorgung|Automobilzulieferer|IT-Dienstleister|Softwarehaus|Telekommunikation" },
  { "co_creation",
    "Co-Creation-Lab Pflege-App mit {firm}|Innovationslabor digitale Teilhabe|Hackathon Soziales mit {firm}",
    "Drei Prototypen entwickelt; einer wird im Pilot weiterverfolgt.|"
    "Klickdummy mit Bewohner:innen getestet.|"
    "Ideenskizzen an Fördermittelgeber weitergegeben.",
    30, 300, 8, "Softwarehaus|Start-up|IT-Dienstleister|Medien und Kommunikation|Beratung" },
  { "pilot",
    "Start-up-Pilot Sprachassistenz in der Pflege|Pilot: KI-gestützte Dienstplanung mit {firm}|Erprobung von Sensorik zur Sturzerkennung mit {firm}",
    "Pilot abgeschlossen; Kosten-Nutzen-Bewertung liegt vor.|"
    "Pflegekräfte sparen rund 20 Minuten Dokumentation pro Schicht.|"
    "Technik überzeugte, Datenschutzfragen verhindern vorerst den Regelbetrieb.",
    90, 365, 7, "Start-up|Softwarehaus" },
  { "joint_funding",
    "Gemeinsamer Förderantrag #1Barriere weniger mit {firm}|Konsortialantrag digitale Teilhabe mit {firm}",
    "Antrag bewilligt; Umsetzung gemeinsam mit dem Unternehmen.|"
    "Antrag eingereicht; Kooperationsvereinbarung und NDA unterzeichnet.",
    180, 720, 6, NULL },
};
KZ_DEMO_LEN (_kz_demo_cooperations);

const char * const _kz_demo_assessment_notes[] = {
  "Strategie vorhanden, aber noch nicht mit Budget hinterlegt.",
  "Infrastruktur veraltet; Server im Keller ohne Wartungsvertrag.",
  "Gute Basis: Cloud-Dienste und mobile Endgeräte sind im Einsatz.",
  "Prozesse weitgehend papierbasiert, viele Doppelerfassungen.",
  "Hohe Motivation im Team, aber wenig Zeit für Qualifizierung.",
  "Datenschutz gut organisiert, IT-Sicherheit ausbaufähig.",
  "Fachsoftware vorhanden, Schnittstellen fehlen.",
  "Leitung treibt die Digitalisierung aktiv voran.",
};
KZ_DEMO_LEN (_kz_demo_assessment_notes);

const char * const _kz_demo_attendee_roles[] = {
  "Geschäftsführung", "Einrichtungsleitung", "IT-Leitung", "Datenschutzbeauftragte:r",
  "Pflegedienstleitung", "MAV-Vorsitz", "Digitalisierungsbeauftragte:r", "Qualitätsmanagement",
  "Verwaltungsleitung",
};
KZ_DEMO_LEN (_kz_demo_attendee_roles);

const char * const _kz_demo_visit_reasons[] = {
  "Erstgespräch zur Digitalisierungsstrategie.",
  "Vor-Ort-Termin zum Reifegrad-Check.",
  "Folgetermin zum laufenden Projekt.",
  "Begehung der Einrichtung zur WLAN-Planung.",
  "Beratung zur TI-Anbindung des Pflegedienstes.",
  "Austausch zu Fördermöglichkeiten.",
  "Workshop mit dem Leitungsteam zu IT-Sicherheit.",
};
KZ_DEMO_LEN (_kz_demo_visit_reasons);

const char * const _kz_demo_visit_findings[] = {
  "Die Verwaltung arbeitet noch überwiegend papierbasiert.",
  "Die IT wird von einem ehrenamtlichen Vorstandsmitglied betreut.",
  "Es gibt keinen dokumentierten Notfallplan für IT-Ausfälle.",
  "Mitarbeitende wünschen sich Schulungen zu Microsoft 365.",
  "Die Einrichtung hat die SMC-B bereits beantragt.",
  "Das WLAN deckt die Wohnbereiche nur teilweise ab.",
  "Die Mitarbeitervertretung ist früh eingebunden und unterstützt das Vorhaben.",
  "Der Datenschutzbeauftragte ist extern bestellt und gut erreichbar.",
  "Für Online-Beratung fehlt eine datenschutzkonforme Plattform.",
  "Das Budget für Digitalisierung ist für dieses Jahr ausgeschöpft.",
};
KZ_DEMO_LEN (_kz_demo_visit_findings);

const char * const _kz_demo_visit_agreements[] = {
  "Vereinbart: Angebot für eine Netzwerkausleuchtung einholen.",
  "Nächster Schritt: Förderantrag gemeinsam vorbereiten.",
  "Wir senden Vorlagen für AVV und Verarbeitungsverzeichnis.",
  "Folgetermin in sechs Wochen.",
  "Schulung für Leitungskräfte wird angeboten.",
  "Kontakt zu einem Unternehmen für einen Pro-bono-IT-Check wird hergestellt.",
};
KZ_DEMO_LEN (_kz_demo_visit_agreements);

const char * const _kz_demo_task_titles[] = {
  "Angebot für WLAN-Ausleuchtung einholen",
  "Förderantrag Aktion Mensch vorbereiten",
  "Vorlagen für AVV übersenden",
  "Verarbeitungsverzeichnis prüfen",
  "Kontakt zu IT-Dienstleister herstellen",
  "Schulungstermin für Digitallotsen abstimmen",
  "Reifegrad-Check auswerten und Bericht senden",
  "Notfallplan IT-Sicherheit entwerfen",
  "Termin mit der Mitarbeitervertretung vereinbaren",
  "Kostenplan für die TI-Anbindung erstellen",
  "Protokoll an die Geschäftsführung senden",
  "Förderfristen recherchieren",
  "Unternehmenspartner für Social Day ansprechen",
};
KZ_DEMO_LEN (_kz_demo_task_titles);
