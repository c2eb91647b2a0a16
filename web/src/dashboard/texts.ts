// The dashboard's own words in the four languages. Labels of indicators, domains, units, periods, statuses and
// areas come from the snapshot's dictionary.json, never from here.
import type { Language } from '../common/language';

export interface Texts {
  siteName: string;
  tagline: string;
  languageSwitch: string;
  mainNavigation: string;
  navIndicator: string;
  navArea: string;
  navMethodology: string;
  loading: string;
  noSnapshotTitle: string;
  noSnapshotText: string;
  loadErrorTitle: string;
  loadErrorText: string;
  unknownIndicator: string;
  unknownArea: string;
  indicatorSelect: string;
  periodSelect: string;
  areaSelect: string;
  trendAreaSelect: string;
  trendTypeLegend: string;
  unit: string;
  lithuania: string;
  nationalValue: (period: string) => string;
  rankingHeading: (period: string) => string;
  rankingHelp: string;
  trendHeading: (area: string) => string;
  trendHelp: string;
  showTable: string;
  colArea: string;
  colIndicator: string;
  colPeriod: string;
  colValue: string;
  colInterval: string;
  colN: string;
  colStatus: string;
  statusPublished: string;
  statusWithheld: string;
  statusNoResponses: string;
  statusMissing: string;
  lowReliability: string;
  lowReliabilityLegend: string;
  withheldLegend: string;
  nationalLegend: string;
  withheldNote: string;
  withheldAreas: (count: number) => string;
  noResponseAreas: (count: number) => string;
  gapNote: string;
  allWithheld: string;
  noneRankedInPeriod: string;
  noTrend: string;
  rankingAlt: (indicator: string, period: string, count: number, top: string, bottom: string, national: string) => string;
  trendAlt: (indicator: string, area: string, published: number, total: number, first: string, last: string) => string;
  trendAltEmpty: (indicator: string, area: string) => string;
  rankingCaption: (indicator: string, period: string) => string;
  trendCaption: (indicator: string, area: string) => string;
  areaCaption: (area: string, period: string) => string;
  areaIntro: string;
  survey: string;
  monitoring: string;
  notForPeriod: string;
  definition: string;
  downloads: string;
  downloadIndicatorCsv: string;
  downloadIndicatorJson: string;
  downloadAreaJson: string;
  downloadAllCsv: string;
  downloadAllJson: string;
  downloadDictionary: string;
  downloadDatapackage: string;
  downloadManifest: string;
  downloadQuality: string;
  downloadWeighted: string;
  reports: string;
  reportsIntro: string;
  snapshotInfo: (cutOff: string, generated: string, id: string) => string;
  licence: string;
  readMethodology: string;
  methodologyTitle: string;
  methodology: { heading: string; paragraphs: string[]; list?: string[] }[];
  fullRules: string;
}

const en: Texts = {
  siteName: 'Integration indicators',
  tagline: 'How integration works in Lithuanian municipalities, from an anonymous survey of third-country nationals',
  languageSwitch: 'Language',
  mainNavigation: 'Main sections',
  navIndicator: 'Indicators',
  navArea: 'Municipalities',
  navMethodology: 'How to read the figures',
  loading: 'Loading the figures…',
  noSnapshotTitle: 'No figures published yet',
  noSnapshotText: 'The first set of figures has not been published yet. They appear here automatically after the next '
    + 'scheduled update. Please come back later.',
  loadErrorTitle: 'The figures could not be loaded',
  loadErrorText: 'Check your internet connection and reload the page. If it keeps happening, the data files may be '
    + 'being updated: try again in a few minutes.',
  unknownIndicator: 'This indicator is not in the published figures. The first indicator is shown instead.',
  unknownArea: 'This municipality code is not known. Lithuania is shown instead.',
  indicatorSelect: 'Indicator',
  periodSelect: 'Period',
  areaSelect: 'Municipality',
  trendAreaSelect: 'Area shown over time',
  trendTypeLegend: 'Show over time by',
  unit: 'Unit',
  lithuania: 'Lithuania',
  nationalValue: (period) => `Lithuania, ${period}`,
  rankingHeading: (period) => `Municipalities, ${period}`,
  rankingHelp: 'Each dot is a municipality\'s value and its line the 95% interval. The dashed line is the value for '
    + 'Lithuania as a whole. Only published figures are drawn.',
  trendHeading: (area) => `Over time: ${area}`,
  trendHelp: 'Dots are values and vertical lines their 95% intervals.',
  showTable: 'Show the figures as a table',
  colArea: 'Municipality',
  colIndicator: 'Indicator',
  colPeriod: 'Period',
  colValue: 'Value',
  colInterval: '95% interval',
  colN: 'Respondents (n)',
  colStatus: 'Note',
  statusPublished: 'published',
  statusWithheld: 'withheld',
  statusNoResponses: 'no responses',
  statusMissing: 'not available for this period',
  lowReliability: 'low reliability',
  lowReliabilityLegend: 'Hollow dot: low reliability (fewer than 30 respondents); read with care.',
  withheldLegend: '×: withheld (held back to protect respondents).',
  nationalLegend: 'Dashed line: Lithuania.',
  withheldNote: 'Withheld figures are held back to protect the people who answered (too few respondents, or a group '
    + 'of fewer than 5 people). They are not zero and are not drawn.',
  withheldAreas: (count) => `Withheld: ${count} ${count === 1 ? 'municipality' : 'municipalities'}.`,
  noResponseAreas: (count) => `No responses: ${count} ${count === 1 ? 'municipality' : 'municipalities'}.`,
  gapNote: 'The line is broken wherever a figure is withheld (×) or nobody answered: it never joins across a gap.',
  allWithheld: 'So far every figure of this indicator is withheld or has no responses, so there is nothing to show yet.',
  noneRankedInPeriod: 'No municipality has a published figure for this period.',
  noTrend: 'No published figure for this area yet.',
  rankingAlt: (indicator, period, count, top, bottom, national) => `Chart: ${indicator}, ${period}. ${count} `
    + `municipalities with a published figure, from ${top} (highest) to ${bottom} (lowest); Lithuania ${national}. `
    + 'The table below has every figure.',
  trendAlt: (indicator, area, published, total, first, last) => `Chart: ${indicator}, ${area}, over time. ${published} `
    + `of ${total} periods published, from ${first} to ${last}. The table below has every figure.`,
  trendAltEmpty: (indicator, area) => `Chart: ${indicator}, ${area}: no published figure.`,
  rankingCaption: (indicator, period) => `${indicator}: municipalities, ${period}`,
  trendCaption: (indicator, area) => `${indicator}: ${area} over time`,
  areaCaption: (area, period) => `${area}: every indicator, ${period}`,
  areaIntro: 'Every indicator for one municipality (or Lithuania) in one period. Choose an indicator to compare '
    + 'municipalities and see it over time.',
  survey: 'From the survey of residents',
  monitoring: 'From municipal coordinators\' reports',
  notForPeriod: 'not reported by month',
  definition: 'How it is calculated (in English)',
  downloads: 'Download the data',
  downloadIndicatorCsv: 'This indicator, CSV',
  downloadIndicatorJson: 'This indicator, JSON',
  downloadAreaJson: 'This area, JSON',
  downloadAllCsv: 'All indicators, CSV',
  downloadAllJson: 'All indicators, JSON',
  downloadDictionary: 'Data dictionary (labels, formulas, columns), JSON',
  downloadDatapackage: 'Data package description (Frictionless), JSON',
  downloadManifest: 'Manifest (provenance, checksums), JSON',
  downloadQuality: 'Measurement quality of the questionnaires\' scales, JSON',
  downloadWeighted: 'Weighted national figures beside the unweighted ones, JSON',
  reports: 'Reports for the ministry',
  reportsIntro: 'Method, sample against the population, measurement quality and key figures, weighted and unweighted, for each questionnaire version. They print well.',
  snapshotInfo: (cutOff, generated, id) => `Data received up to ${cutOff}; published ${generated} (snapshot ${id}).`,
  licence: 'The figures may be reused under the Creative Commons Attribution 4.0 licence (CC BY 4.0).',
  readMethodology: 'How to read these figures: intervals, withheld figures, who answered',
  methodologyTitle: 'How to read the figures',
  methodology: [
    {
      heading: 'Where the figures come from',
      paragraphs: [
        'Most figures come from an anonymous online survey of third-country nationals (people who are not citizens '
        + 'of an EU country) living in Lithuania. Others come from the quarterly reports of municipal integration '
        + 'coordinators. The figures are updated automatically several times a day.',
      ],
    },
    {
      heading: 'Who answered',
      paragraphs: [
        'People chose to take part themselves (a self-selected sample), and the results are not weighted. They '
        + 'describe the people who answered, not all third-country nationals in a municipality. A difference between '
        + 'municipalities or periods may come from who answered. Use the figures as signals worth looking into, not '
        + 'as exact measurements.',
      ],
    },
    {
      heading: 'What a figure is',
      paragraphs: [],
      list: [
        'A percentage is the share of respondents who gave the counted answer (for example "agree" or "strongly agree").',
        'A mean is the average answer on a scale from 1 to 5; an index combines several questions on a scale from 0 to 100.',
        'Answers such as "did not use" or "don\'t know" are left out.',
        'n is the number of respondents behind a figure, rounded to the nearest 5.',
        'Lithuania counts every respondent in every municipality; it is not an average of the municipalities.',
        'Periods are calendar months, quarters and years, by the day a questionnaire was received (Vilnius time).',
      ],
    },
    {
      heading: 'The 95% interval',
      paragraphs: [
        'Each figure comes with a range, for example 47.1–54.2. It shows how much the figure could move by chance: '
        + 'if people like these had answered again, the figure would very probably (95 times in 100) fall in this '
        + 'range. The fewer the respondents, the wider the range. When the ranges of two municipalities overlap a '
        + 'lot, the difference between them may be chance. The range does not correct for who chose to answer.',
      ],
    },
    {
      heading: 'Low reliability',
      paragraphs: [
        'A figure based on fewer than 30 respondents is marked "low reliability" and drawn as a hollow dot. It is '
        + 'published, but read it with care.',
      ],
    },
    {
      heading: 'Withheld figures',
      paragraphs: [
        'Some figures are withheld to protect the people who answered: in a small municipality a figure such as '
        + '"3 of 12 were refused housing" could point to people someone knows. A withheld figure is shown as '
        + '"withheld", never as zero; it is left out of charts, and a line over time is broken there. A figure is '
        + 'withheld when:',
      ],
      list: [
        'fewer than 10 people stand behind it;',
        'the people who gave the counted answer, or those who did not, are 1 to 4 people (groups of fewer than 5 '
        + 'people are never shown);',
        'for a mean, all but 0 to 4 respondents gave the same answer;',
        'for a question asked only of some people (for example those in work), 1 to 4 people are left out of it;',
        'it would let a withheld figure be worked out by subtraction (for example from the total for Lithuania or '
        + 'for a year): then a further figure is withheld too.',
      ],
    },
    {
      heading: '',
      paragraphs: [
        'No reason is given for a single withheld figure, on purpose: the reason would itself narrow down the hidden '
        + 'number. "No responses" means that nobody in that municipality answered in that period. Free-text answers '
        + 'are never published.',
      ],
    },
    {
      heading: 'Figures from coordinators\' reports',
      paragraphs: [
        'Consultations, referrals, event participants and similar figures are the municipalities\' own activity '
        + 'counts, not survey answers. They are rounded to the nearest 5, n is the number of reports behind them, '
        + 'and they have no interval.',
      ],
    },
  ],
  fullRules: 'Every indicator\'s exact definition is in the data dictionary; the full rules, and how they are tested, '
    + 'are in the project\'s documentation (docs/disclosure.md in its source code).',
};

const lt: Texts = {
  siteName: 'Integracijos rodikliai',
  tagline: 'Kaip integracija vyksta Lietuvos savivaldybėse: anoniminės trečiųjų šalių piliečių apklausos duomenys',
  languageSwitch: 'Kalba',
  mainNavigation: 'Pagrindiniai skyriai',
  navIndicator: 'Rodikliai',
  navArea: 'Savivaldybės',
  navMethodology: 'Kaip skaityti duomenis',
  loading: 'Įkeliami duomenys…',
  noSnapshotTitle: 'Duomenys dar nepaskelbti',
  noSnapshotText: 'Pirmasis rodiklių rinkinys dar nepaskelbtas. Jis čia atsiras automatiškai po artimiausio '
    + 'planinio atnaujinimo. Apsilankykite vėliau.',
  loadErrorTitle: 'Nepavyko įkelti duomenų',
  loadErrorText: 'Patikrinkite interneto ryšį ir įkelkite puslapį iš naujo. Jei klaida kartojasi, duomenys gali būti '
    + 'atnaujinami: pabandykite po kelių minučių.',
  unknownIndicator: 'Tokio rodiklio paskelbtuose duomenyse nėra. Rodomas pirmasis rodiklis.',
  unknownArea: 'Tokio savivaldybės kodo nėra. Rodoma visa Lietuva.',
  indicatorSelect: 'Rodiklis',
  periodSelect: 'Laikotarpis',
  areaSelect: 'Savivaldybė',
  trendAreaSelect: 'Kurios teritorijos kaitą rodyti',
  trendTypeLegend: 'Kaitą rodyti pagal',
  unit: 'Matavimo vienetas',
  lithuania: 'Lietuva',
  nationalValue: (period) => `Lietuva, ${period}`,
  rankingHeading: (period) => `Savivaldybės, ${period}`,
  rankingHelp: 'Kiekvienas taškas yra savivaldybės reikšmė, o linija – 95 % intervalas. Punktyrinė linija – visos '
    + 'Lietuvos reikšmė. Rodomi tik paskelbti duomenys.',
  trendHeading: (area) => `Kaita: ${area}`,
  trendHelp: 'Taškai yra reikšmės, vertikalios linijos – jų 95 % intervalai.',
  showTable: 'Rodyti duomenis lentele',
  colArea: 'Savivaldybė',
  colIndicator: 'Rodiklis',
  colPeriod: 'Laikotarpis',
  colValue: 'Reikšmė',
  colInterval: '95 % intervalas',
  colN: 'Respondentai (n)',
  colStatus: 'Pastaba',
  statusPublished: 'paskelbta',
  statusWithheld: 'neskelbiama',
  statusNoResponses: 'atsakymų nėra',
  statusMissing: 'šiam laikotarpiui neskaičiuojama',
  lowReliability: 'mažas patikimumas',
  lowReliabilityLegend: 'Tuščiaviduris taškas: mažas patikimumas (mažiau nei 30 respondentų); vertinkite atsargiai.',
  withheldLegend: '×: neskelbiama (respondentams apsaugoti).',
  nationalLegend: 'Punktyrinė linija: Lietuva.',
  withheldNote: 'Neskelbiami duomenys sulaikomi atsakiusiesiems apsaugoti (per mažai respondentų arba grupėje mažiau '
    + 'nei 5 žmonės). Tai nėra nulis, ir jie nebraižomi.',
  withheldAreas: (count) => `Neskelbiama: ${count} sav.`,
  noResponseAreas: (count) => `Atsakymų nėra: ${count} sav.`,
  gapNote: 'Linija nutraukiama ten, kur duomenys neskelbiami (×) arba niekas neatsakė: tarpai niekada nesujungiami.',
  allWithheld: 'Kol kas visi šio rodiklio duomenys neskelbiami arba atsakymų nėra, todėl rodyti dar nėra ko.',
  noneRankedInPeriod: 'Šiuo laikotarpiu nė viena savivaldybė neturi paskelbtos reikšmės.',
  noTrend: 'Šiai teritorijai paskelbtų duomenų dar nėra.',
  rankingAlt: (indicator, period, count, top, bottom, national) => `Diagrama: ${indicator}, ${period}. Paskelbtų `
    + `reikšmių turi savivaldybių: ${count}, nuo ${top} (didžiausia) iki ${bottom} (mažiausia); Lietuva ${national}. `
    + 'Visi skaičiai – lentelėje žemiau.',
  trendAlt: (indicator, area, published, total, first, last) => `Diagrama: ${indicator}, ${area}, kaita. Paskelbta `
    + `${published} iš ${total} laikotarpių, nuo ${first} iki ${last}. Visi skaičiai – lentelėje žemiau.`,
  trendAltEmpty: (indicator, area) => `Diagrama: ${indicator}, ${area}: paskelbtų reikšmių nėra.`,
  rankingCaption: (indicator, period) => `${indicator}: savivaldybės, ${period}`,
  trendCaption: (indicator, area) => `${indicator}: ${area}, kaita`,
  areaCaption: (area, period) => `${area}: visi rodikliai, ${period}`,
  areaIntro: 'Visi vienos savivaldybės (arba visos Lietuvos) rodikliai pasirinktu laikotarpiu. Pasirinkite rodiklį, '
    + 'kad palygintumėte savivaldybes ir pamatytumėte kaitą.',
  survey: 'Gyventojų apklausos duomenys',
  monitoring: 'Savivaldybių koordinatorių ataskaitų duomenys',
  notForPeriod: 'mėnesiais neskaičiuojama',
  definition: 'Kaip skaičiuojama (anglų kalba)',
  downloads: 'Atsisiųsti duomenis',
  downloadIndicatorCsv: 'Šis rodiklis, CSV',
  downloadIndicatorJson: 'Šis rodiklis, JSON',
  downloadAreaJson: 'Ši teritorija, JSON',
  downloadAllCsv: 'Visi rodikliai, CSV',
  downloadAllJson: 'Visi rodikliai, JSON',
  downloadDictionary: 'Duomenų žodynas (pavadinimai, formulės, stulpeliai), JSON',
  downloadDatapackage: 'Duomenų paketo aprašas (Frictionless), JSON',
  downloadManifest: 'Manifestas (kilmė, kontrolinės sumos), JSON',
  downloadQuality: 'Klausimynų skalių matavimo kokybė, JSON',
  downloadWeighted: 'Svertiniai nacionaliniai rodikliai šalia nesvertinių, JSON',
  reports: 'Ataskaitos ministerijai',
  reportsIntro: 'Kiekvienos klausimyno versijos metodas, imtis, palyginta su populiacija, matavimo kokybė ir pagrindiniai rodikliai, svertiniai ir nesvertiniai. Jas patogu spausdinti.',
  snapshotInfo: (cutOff, generated, id) => `Gauti duomenys iki ${cutOff}; paskelbta ${generated} (rinkinys ${id}).`,
  licence: 'Duomenis galima pakartotinai naudoti pagal Creative Commons Priskyrimo 4.0 licenciją (CC BY 4.0).',
  readMethodology: 'Kaip skaityti šiuos duomenis: intervalai, neskelbiami duomenys, kas atsakė',
  methodologyTitle: 'Kaip skaityti duomenis',
  methodology: [
    {
      heading: 'Iš kur duomenys',
      paragraphs: [
        'Dauguma rodiklių gaunami iš anoniminės internetinės apklausos, kurioje dalyvauja Lietuvoje gyvenantys '
        + 'trečiųjų šalių piliečiai (ne ES šalių piliečiai). Kiti rodikliai gaunami iš savivaldybių integracijos '
        + 'koordinatorių ketvirtinių ataskaitų. Duomenys atnaujinami automatiškai kelis kartus per dieną.',
      ],
    },
    {
      heading: 'Kas atsakė',
      paragraphs: [
        'Žmonės patys nusprendė dalyvauti (savanoriška imtis), o rezultatai nesverti. Jie apibūdina atsakiusiuosius, '
        + 'o ne visus trečiųjų šalių piliečius savivaldybėje. Savivaldybių ar laikotarpių skirtumai gali atsirasti dėl '
        + 'to, kas atsakė. Naudokite duomenis kaip ženklus, į kuriuos verta atkreipti dėmesį, o ne kaip tikslius matavimus.',
      ],
    },
    {
      heading: 'Ką reiškia skaičius',
      paragraphs: [],
      list: [
        'Procentas – respondentų, pasirinkusių skaičiuojamą atsakymą (pvz., „sutinku“ arba „visiškai sutinku“), dalis.',
        'Vidurkis – vidutinis atsakymas skalėje nuo 1 iki 5; indeksas apjungia kelis klausimus skalėje nuo 0 iki 100.',
        'Atsakymai „nesinaudojau“ ar „nežinau“ neskaičiuojami.',
        'n – respondentų, kuriais remiasi skaičius, kiekis, suapvalintas iki artimiausio 5 kartotinio.',
        'Lietuvos reikšmė apima visus visų savivaldybių respondentus; tai nėra savivaldybių vidurkis.',
        'Laikotarpiai – kalendoriniai mėnesiai, ketvirčiai ir metai pagal anketos gavimo dieną (Vilniaus laiku).',
      ],
    },
    {
      heading: '95 % intervalas',
      paragraphs: [
        'Prie kiekvieno skaičiaus pateikiamas intervalas, pavyzdžiui, 47,1–54,2. Jis rodo, kiek skaičius galėtų '
        + 'pasikeisti atsitiktinai: jei panašūs žmonės atsakytų dar kartą, skaičius labai tikėtina (95 atvejais iš 100) '
        + 'patektų į šį intervalą. Kuo mažiau respondentų, tuo platesnis intervalas. Jei dviejų savivaldybių intervalai '
        + 'daug persidengia, skirtumas tarp jų gali būti atsitiktinis. Intervalas neištaiso to, kas nusprendė atsakyti.',
      ],
    },
    {
      heading: 'Mažas patikimumas',
      paragraphs: [
        'Skaičius, pagrįstas mažiau nei 30 respondentų atsakymais, pažymimas „mažas patikimumas“ ir braižomas '
        + 'tuščiaviduriu tašku. Jis skelbiamas, tačiau vertinkite jį atsargiai.',
      ],
    },
    {
      heading: 'Neskelbiami duomenys',
      paragraphs: [
        'Kai kurie skaičiai neskelbiami, kad būtų apsaugoti atsakę žmonės: mažoje savivaldybėje toks skaičius kaip '
        + '„3 iš 12 atsisakyta išnuomoti būstą“ galėtų išduoti pažįstamus žmones. Neskelbiamas skaičius rodomas kaip '
        + '„neskelbiama“, niekada kaip nulis; jis nebraižomas diagramose, o kaitos linija toje vietoje nutraukiama. '
        + 'Skaičius neskelbiamas, kai:',
      ],
      list: [
        'juo remiasi mažiau nei 10 žmonių;',
        'skaičiuojamą atsakymą pasirinkusių arba jo nepasirinkusių yra nuo 1 iki 4 žmonių (mažesnės nei 5 žmonių '
        + 'grupės niekada nerodomos);',
        'vidurkio atveju visi, išskyrus 0–4 respondentus, atsakė vienodai;',
        'klausimo, užduoto tik daliai žmonių (pvz., dirbantiems), atveju iš jo neįtraukti 1–4 žmonės;',
        'iš jo atimties būdu būtų galima apskaičiuoti neskelbiamą skaičių (pvz., iš visos Lietuvos ar metų sumos): '
        + 'tada neskelbiamas ir dar vienas skaičius.',
      ],
    },
    {
      heading: '',
      paragraphs: [
        'Priežastis prie atskiro neskelbiamo skaičiaus sąmoningai nenurodoma: ji pati susiaurintų paslėptą reikšmę. '
        + '„Atsakymų nėra“ reiškia, kad tos savivaldybės tuo laikotarpiu niekas neatsakė. Laisvo teksto atsakymai '
        + 'niekada neskelbiami.',
      ],
    },
    {
      heading: 'Koordinatorių ataskaitų duomenys',
      paragraphs: [
        'Konsultacijos, nukreipimai, renginių dalyviai ir panašūs skaičiai – pačių savivaldybių veiklos skaičiai, '
        + 'o ne apklausos atsakymai. Jie apvalinami iki artimiausio 5 kartotinio, n – ataskaitų skaičius, '
        + 'intervalo jie neturi.',
      ],
    },
  ],
  fullRules: 'Tikslus kiekvieno rodiklio apibrėžimas pateiktas duomenų žodyne; visos taisyklės ir jų tikrinimas '
    + 'aprašyti projekto dokumentacijoje (docs/disclosure.md pirminiame kode).',
};

const uk: Texts = {
  siteName: 'Показники інтеграції',
  tagline: 'Як відбувається інтеграція в муніципалітетах Литви: анонімне опитування громадян третіх країн',
  languageSwitch: 'Мова',
  mainNavigation: 'Основні розділи',
  navIndicator: 'Показники',
  navArea: 'Муніципалітети',
  navMethodology: 'Як читати дані',
  loading: 'Завантаження даних…',
  noSnapshotTitle: 'Дані ще не опубліковані',
  noSnapshotText: 'Перший набір показників ще не опубліковано. Він з’явиться тут автоматично після найближчого '
    + 'планового оновлення. Завітайте пізніше.',
  loadErrorTitle: 'Не вдалося завантажити дані',
  loadErrorText: 'Перевірте підключення до інтернету й перезавантажте сторінку. Якщо помилка повторюється, дані, '
    + 'можливо, оновлюються: спробуйте за кілька хвилин.',
  unknownIndicator: 'Такого показника немає в опублікованих даних. Показано перший показник.',
  unknownArea: 'Такого коду муніципалітету немає. Показано всю Литву.',
  indicatorSelect: 'Показник',
  periodSelect: 'Період',
  areaSelect: 'Муніципалітет',
  trendAreaSelect: 'Територія для динаміки',
  trendTypeLegend: 'Динаміка за',
  unit: 'Одиниця',
  lithuania: 'Литва',
  nationalValue: (period) => `Литва, ${period}`,
  rankingHeading: (period) => `Муніципалітети, ${period}`,
  rankingHelp: 'Кожна точка — значення муніципалітету, а лінія — його 95% інтервал. Пунктирна лінія — значення для '
    + 'всієї Литви. Показано лише опубліковані дані.',
  trendHeading: (area) => `Динаміка: ${area}`,
  trendHelp: 'Точки — значення, вертикальні лінії — їхні 95% інтервали.',
  showTable: 'Показати дані таблицею',
  colArea: 'Муніципалітет',
  colIndicator: 'Показник',
  colPeriod: 'Період',
  colValue: 'Значення',
  colInterval: '95% інтервал',
  colN: 'Респонденти (n)',
  colStatus: 'Примітка',
  statusPublished: 'опубліковано',
  statusWithheld: 'не публікується',
  statusNoResponses: 'відповідей немає',
  statusMissing: 'для цього періоду не розраховується',
  lowReliability: 'низька надійність',
  lowReliabilityLegend: 'Порожня точка: низька надійність (менше 30 респондентів); тлумачте обережно.',
  withheldLegend: '×: не публікується (для захисту респондентів).',
  nationalLegend: 'Пунктирна лінія: Литва.',
  withheldNote: 'Дані, що не публікуються, приховано для захисту тих, хто відповів (замало респондентів або група '
    + 'менше ніж з 5 осіб). Це не нуль, і на діаграмах їх не показано.',
  withheldAreas: (count) => `Не публікується: муніципалітетів — ${count}.`,
  noResponseAreas: (count) => `Відповідей немає: муніципалітетів — ${count}.`,
  gapNote: 'Лінія переривається там, де дані не публікуються (×) або ніхто не відповів: розриви ніколи не з’єднуються.',
  allWithheld: 'Поки що всі дані цього показника не публікуються або відповідей немає, тож показати ще нічого.',
  noneRankedInPeriod: 'У цьому періоді жоден муніципалітет не має опублікованого значення.',
  noTrend: 'Для цієї території опублікованих даних ще немає.',
  rankingAlt: (indicator, period, count, top, bottom, national) => `Діаграма: ${indicator}, ${period}. `
    + `Муніципалітетів з опублікованим значенням: ${count}, від ${top} (найвище) до ${bottom} (найнижче); `
    + `Литва ${national}. Усі числа — у таблиці нижче.`,
  trendAlt: (indicator, area, published, total, first, last) => `Діаграма: ${indicator}, ${area}, динаміка. `
    + `Опубліковано ${published} з ${total} періодів, від ${first} до ${last}. Усі числа — у таблиці нижче.`,
  trendAltEmpty: (indicator, area) => `Діаграма: ${indicator}, ${area}: опублікованих значень немає.`,
  rankingCaption: (indicator, period) => `${indicator}: муніципалітети, ${period}`,
  trendCaption: (indicator, area) => `${indicator}: ${area}, динаміка`,
  areaCaption: (area, period) => `${area}: усі показники, ${period}`,
  areaIntro: 'Усі показники одного муніципалітету (або всієї Литви) за обраний період. Оберіть показник, щоб '
    + 'порівняти муніципалітети й побачити динаміку.',
  survey: 'Дані опитування мешканців',
  monitoring: 'Дані звітів муніципальних координаторів',
  notForPeriod: 'помісячно не розраховується',
  definition: 'Як розраховується (англійською)',
  downloads: 'Завантажити дані',
  downloadIndicatorCsv: 'Цей показник, CSV',
  downloadIndicatorJson: 'Цей показник, JSON',
  downloadAreaJson: 'Ця територія, JSON',
  downloadAllCsv: 'Усі показники, CSV',
  downloadAllJson: 'Усі показники, JSON',
  downloadDictionary: 'Словник даних (назви, формули, стовпці), JSON',
  downloadDatapackage: 'Опис пакета даних (Frictionless), JSON',
  downloadManifest: 'Маніфест (походження, контрольні суми), JSON',
  downloadQuality: 'Якість вимірювання шкал анкет, JSON',
  downloadWeighted: 'Зважені національні показники поруч із незваженими, JSON',
  reports: 'Звіти для міністерства',
  reportsIntro: 'Метод, вибірка порівняно з населенням, якість вимірювання та основні показники, зважені й незважені, для кожної версії анкети. Їх зручно друкувати.',
  snapshotInfo: (cutOff, generated, id) => `Дані, отримані до ${cutOff}; опубліковано ${generated} (набір ${id}).`,
  licence: 'Дані можна повторно використовувати за ліцензією Creative Commons Attribution 4.0 (CC BY 4.0).',
  readMethodology: 'Як читати ці дані: інтервали, дані, що не публікуються, хто відповідав',
  methodologyTitle: 'Як читати дані',
  methodology: [
    {
      heading: 'Звідки дані',
      paragraphs: [
        'Більшість показників отримано з анонімного онлайн-опитування громадян третіх країн (людей, які не є '
        + 'громадянами країн ЄС), що живуть у Литві. Інші — зі щоквартальних звітів муніципальних координаторів з '
        + 'інтеграції. Дані оновлюються автоматично кілька разів на день.',
      ],
    },
    {
      heading: 'Хто відповідав',
      paragraphs: [
        'Люди самі вирішили взяти участь (вибірка самовідбору), а результати не зважені. Вони описують тих, хто '
        + 'відповів, а не всіх громадян третіх країн у муніципалітеті. Різниця між муніципалітетами чи періодами може '
        + 'залежати від того, хто відповідав. Використовуйте дані як сигнали, на які варто звернути увагу, а не як '
        + 'точні вимірювання.',
      ],
    },
    {
      heading: 'Що означає число',
      paragraphs: [],
      list: [
        'Відсоток — частка респондентів, які дали враховану відповідь (наприклад, «згоден» або «повністю згоден»).',
        'Середнє — середня відповідь за шкалою від 1 до 5; індекс поєднує кілька запитань за шкалою від 0 до 100.',
        'Відповіді на кшталт «не користувався» чи «не знаю» не враховуються.',
        'n — кількість респондентів, на яких ґрунтується число, округлена до найближчого кратного 5.',
        'Значення для Литви охоплює всіх респондентів усіх муніципалітетів; це не середнє муніципалітетів.',
        'Періоди — календарні місяці, квартали й роки за днем отримання анкети (за вільнюським часом).',
      ],
    },
    {
      heading: '95% інтервал',
      paragraphs: [
        'Кожне число має інтервал, наприклад 47,1–54,2. Він показує, наскільки число могло б змінитися випадково: '
        + 'якби схожі люди відповіли ще раз, число дуже ймовірно (у 95 випадках зі 100) потрапило б у цей інтервал. '
        + 'Що менше респондентів, то ширший інтервал. Якщо інтервали двох муніципалітетів значно перекриваються, '
        + 'різниця між ними може бути випадковою. Інтервал не виправляє того, хто вирішив відповісти.',
      ],
    },
    {
      heading: 'Низька надійність',
      paragraphs: [
        'Число, що ґрунтується на відповідях менш ніж 30 респондентів, позначено «низька надійність» і показано '
        + 'порожньою точкою. Його опубліковано, але тлумачте його обережно.',
      ],
    },
    {
      heading: 'Дані, що не публікуються',
      paragraphs: [
        'Деякі числа не публікуються, щоб захистити тих, хто відповів: у малому муніципалітеті число на кшталт '
        + '«3 з 12 відмовили в житлі» могло б указати на знайомих людей. Таке число показано як «не публікується», '
        + 'ніколи як нуль; його немає на діаграмах, а лінія динаміки в цьому місці переривається. Число не '
        + 'публікується, коли:',
      ],
      list: [
        'за ним стоїть менше 10 осіб;',
        'тих, хто дав враховану відповідь, або тих, хто її не дав, від 1 до 4 осіб (групи менше ніж з 5 осіб ніколи '
        + 'не показуються);',
        'для середнього всі респонденти, крім 0–4, відповіли однаково;',
        'для запитання лише частині людей (наприклад, працюючим) поза ним залишилося 1–4 особи;',
        'з нього можна було б обчислити приховане число відніманням (наприклад, від загального для Литви чи за рік): '
        + 'тоді не публікується ще одне число.',
      ],
    },
    {
      heading: '',
      paragraphs: [
        'Причину для окремого прихованого числа навмисно не вказано: вона сама звузила б приховане значення. '
        + '«Відповідей немає» означає, що в тому муніципалітеті в тому періоді ніхто не відповів. Відповіді вільним '
        + 'текстом ніколи не публікуються.',
      ],
    },
    {
      heading: 'Дані звітів координаторів',
      paragraphs: [
        'Консультації, направлення, учасники заходів і подібні числа — це показники діяльності самих муніципалітетів, '
        + 'а не відповіді опитування. Вони округлені до найближчого кратного 5, n — кількість звітів, інтервалу вони '
        + 'не мають.',
      ],
    },
  ],
  fullRules: 'Точне визначення кожного показника наведено у словнику даних; усі правила та їх перевірку описано в '
    + 'документації проєкту (docs/disclosure.md у вихідному коді).',
};

const ru: Texts = {
  siteName: 'Показатели интеграции',
  tagline: 'Как идёт интеграция в самоуправлениях Литвы: анонимный опрос граждан третьих стран',
  languageSwitch: 'Язык',
  mainNavigation: 'Основные разделы',
  navIndicator: 'Показатели',
  navArea: 'Самоуправления',
  navMethodology: 'Как читать данные',
  loading: 'Загрузка данных…',
  noSnapshotTitle: 'Данные ещё не опубликованы',
  noSnapshotText: 'Первый набор показателей ещё не опубликован. Он появится здесь автоматически после ближайшего '
    + 'планового обновления. Зайдите позже.',
  loadErrorTitle: 'Не удалось загрузить данные',
  loadErrorText: 'Проверьте подключение к интернету и перезагрузите страницу. Если ошибка повторяется, данные, '
    + 'возможно, обновляются: попробуйте через несколько минут.',
  unknownIndicator: 'Такого показателя нет в опубликованных данных. Показан первый показатель.',
  unknownArea: 'Такого кода самоуправления нет. Показана вся Литва.',
  indicatorSelect: 'Показатель',
  periodSelect: 'Период',
  areaSelect: 'Самоуправление',
  trendAreaSelect: 'Территория для динамики',
  trendTypeLegend: 'Динамика по',
  unit: 'Единица',
  lithuania: 'Литва',
  nationalValue: (period) => `Литва, ${period}`,
  rankingHeading: (period) => `Самоуправления, ${period}`,
  rankingHelp: 'Каждая точка — значение самоуправления, линия — его 95% интервал. Пунктирная линия — значение для '
    + 'всей Литвы. Показаны только опубликованные данные.',
  trendHeading: (area) => `Динамика: ${area}`,
  trendHelp: 'Точки — значения, вертикальные линии — их 95% интервалы.',
  showTable: 'Показать данные таблицей',
  colArea: 'Самоуправление',
  colIndicator: 'Показатель',
  colPeriod: 'Период',
  colValue: 'Значение',
  colInterval: '95% интервал',
  colN: 'Респонденты (n)',
  colStatus: 'Примечание',
  statusPublished: 'опубликовано',
  statusWithheld: 'не публикуется',
  statusNoResponses: 'ответов нет',
  statusMissing: 'для этого периода не рассчитывается',
  lowReliability: 'низкая надёжность',
  lowReliabilityLegend: 'Пустая точка: низкая надёжность (меньше 30 респондентов); толкуйте осторожно.',
  withheldLegend: '×: не публикуется (для защиты респондентов).',
  nationalLegend: 'Пунктирная линия: Литва.',
  withheldNote: 'Неопубликованные данные скрыты для защиты ответивших (слишком мало респондентов или группа меньше '
    + '5 человек). Это не ноль, и на диаграммах они не показаны.',
  withheldAreas: (count) => `Не публикуется: самоуправлений — ${count}.`,
  noResponseAreas: (count) => `Ответов нет: самоуправлений — ${count}.`,
  gapNote: 'Линия прерывается там, где данные не публикуются (×) или никто не ответил: разрывы никогда не соединяются.',
  allWithheld: 'Пока все данные этого показателя не публикуются или ответов нет, поэтому показать ещё нечего.',
  noneRankedInPeriod: 'В этом периоде ни у одного самоуправления нет опубликованного значения.',
  noTrend: 'Для этой территории опубликованных данных ещё нет.',
  rankingAlt: (indicator, period, count, top, bottom, national) => `Диаграмма: ${indicator}, ${period}. `
    + `Самоуправлений с опубликованным значением: ${count}, от ${top} (наибольшее) до ${bottom} (наименьшее); `
    + `Литва ${national}. Все числа — в таблице ниже.`,
  trendAlt: (indicator, area, published, total, first, last) => `Диаграмма: ${indicator}, ${area}, динамика. `
    + `Опубликовано ${published} из ${total} периодов, от ${first} до ${last}. Все числа — в таблице ниже.`,
  trendAltEmpty: (indicator, area) => `Диаграмма: ${indicator}, ${area}: опубликованных значений нет.`,
  rankingCaption: (indicator, period) => `${indicator}: самоуправления, ${period}`,
  trendCaption: (indicator, area) => `${indicator}: ${area}, динамика`,
  areaCaption: (area, period) => `${area}: все показатели, ${period}`,
  areaIntro: 'Все показатели одного самоуправления (или всей Литвы) за выбранный период. Выберите показатель, чтобы '
    + 'сравнить самоуправления и увидеть динамику.',
  survey: 'Данные опроса жителей',
  monitoring: 'Данные отчётов координаторов самоуправлений',
  notForPeriod: 'помесячно не рассчитывается',
  definition: 'Как рассчитывается (на английском)',
  downloads: 'Скачать данные',
  downloadIndicatorCsv: 'Этот показатель, CSV',
  downloadIndicatorJson: 'Этот показатель, JSON',
  downloadAreaJson: 'Эта территория, JSON',
  downloadAllCsv: 'Все показатели, CSV',
  downloadAllJson: 'Все показатели, JSON',
  downloadDictionary: 'Словарь данных (названия, формулы, столбцы), JSON',
  downloadDatapackage: 'Описание пакета данных (Frictionless), JSON',
  downloadManifest: 'Манифест (происхождение, контрольные суммы), JSON',
  downloadQuality: 'Качество измерения шкал анкет, JSON',
  downloadWeighted: 'Взвешенные национальные показатели рядом с невзвешенными, JSON',
  reports: 'Отчёты для министерства',
  reportsIntro: 'Метод, выборка в сравнении с населением, качество измерения и основные показатели, взвешенные и невзвешенные, для каждой версии анкеты. Их удобно печатать.',
  snapshotInfo: (cutOff, generated, id) => `Данные, полученные до ${cutOff}; опубликовано ${generated} (набор ${id}).`,
  licence: 'Данные можно повторно использовать по лицензии Creative Commons Attribution 4.0 (CC BY 4.0).',
  readMethodology: 'Как читать эти данные: интервалы, неопубликованные данные, кто отвечал',
  methodologyTitle: 'Как читать данные',
  methodology: [
    {
      heading: 'Откуда данные',
      paragraphs: [
        'Большинство показателей получены из анонимного онлайн-опроса граждан третьих стран (людей, не являющихся '
        + 'гражданами стран ЕС), живущих в Литве. Остальные — из ежеквартальных отчётов координаторов по интеграции '
        + 'в самоуправлениях. Данные обновляются автоматически несколько раз в день.',
      ],
    },
    {
      heading: 'Кто отвечал',
      paragraphs: [
        'Люди сами решили принять участие (самоотобранная выборка), а результаты не взвешены. Они описывают '
        + 'ответивших, а не всех граждан третьих стран в самоуправлении. Различия между самоуправлениями или '
        + 'периодами могут зависеть от того, кто отвечал. Используйте данные как сигналы, на которые стоит обратить '
        + 'внимание, а не как точные измерения.',
      ],
    },
    {
      heading: 'Что означает число',
      paragraphs: [],
      list: [
        'Процент — доля респондентов, давших учитываемый ответ (например, «согласен» или «полностью согласен»).',
        'Среднее — средний ответ по шкале от 1 до 5; индекс объединяет несколько вопросов по шкале от 0 до 100.',
        'Ответы вроде «не пользовался» или «не знаю» не учитываются.',
        'n — число респондентов, на которых основано значение, округлённое до ближайшего кратного 5.',
        'Значение для Литвы охватывает всех респондентов всех самоуправлений; это не среднее по самоуправлениям.',
        'Периоды — календарные месяцы, кварталы и годы по дню получения анкеты (по вильнюсскому времени).',
      ],
    },
    {
      heading: '95% интервал',
      paragraphs: [
        'У каждого числа есть интервал, например 47,1–54,2. Он показывает, насколько число могло бы измениться '
        + 'случайно: если бы похожие люди ответили ещё раз, число очень вероятно (в 95 случаях из 100) попало бы в '
        + 'этот интервал. Чем меньше респондентов, тем шире интервал. Если интервалы двух самоуправлений сильно '
        + 'перекрываются, разница между ними может быть случайной. Интервал не исправляет того, кто решил ответить.',
      ],
    },
    {
      heading: 'Низкая надёжность',
      paragraphs: [
        'Число, основанное на ответах менее 30 респондентов, отмечено «низкая надёжность» и показано пустой точкой. '
        + 'Оно опубликовано, но толкуйте его осторожно.',
      ],
    },
    {
      heading: 'Неопубликованные данные',
      paragraphs: [
        'Некоторые числа не публикуются, чтобы защитить ответивших: в маленьком самоуправлении число вроде '
        + '«3 из 12 отказали в жилье» могло бы указать на знакомых людей. Такое число показано как «не публикуется», '
        + 'никогда как ноль; его нет на диаграммах, а линия динамики в этом месте прерывается. Число не публикуется, '
        + 'когда:',
      ],
      list: [
        'за ним стоит меньше 10 человек;',
        'давших учитываемый ответ или не давших его — от 1 до 4 человек (группы меньше 5 человек никогда не '
        + 'показываются);',
        'для среднего все респонденты, кроме 0–4, ответили одинаково;',
        'для вопроса, заданного только части людей (например, работающим), вне его осталось 1–4 человека;',
        'из него можно было бы вычислить скрытое число вычитанием (например, из общего для Литвы или за год): '
        + 'тогда не публикуется ещё одно число.',
      ],
    },
    {
      heading: '',
      paragraphs: [
        'Причина для отдельного скрытого числа намеренно не указывается: она сама сузила бы скрытое значение. '
        + '«Ответов нет» значит, что в этом самоуправлении в этом периоде никто не ответил. Ответы в свободной форме '
        + 'никогда не публикуются.',
      ],
    },
    {
      heading: 'Данные отчётов координаторов',
      paragraphs: [
        'Консультации, направления, участники мероприятий и подобные числа — показатели деятельности самих '
        + 'самоуправлений, а не ответы опроса. Они округлены до ближайшего кратного 5, n — число отчётов, интервала '
        + 'у них нет.',
      ],
    },
  ],
  fullRules: 'Точное определение каждого показателя приведено в словаре данных; все правила и их проверка описаны в '
    + 'документации проекта (docs/disclosure.md в исходном коде).',
};

export const TEXTS: Record<Language, Texts> = { lt, en, uk, ru };
