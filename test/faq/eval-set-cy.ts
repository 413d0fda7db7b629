/**
 * The Welsh FAQ evaluation set: questions written in everyday Welsh (mutations, English loan
 * words, place names, the odd typo), labelled with the entry that must answer them. Written for
 * evaluation, not copied from the Welsh alternates in src/faq/knowledge-cy.json, and not used for
 * tuning. `npm run bench` reports it separately.
 */
export const WELSH_IN_DOMAIN: ReadonlyArray<readonly [string, string]> = [
  ["Oes rhaid i fy mos gytuno cyn i mi fynd ar secondiad?", "line-manager-permission"],
  ["Ydy fy rheolwr llinell yn gorfod rhoi caniatâd?", "line-manager-permission"],
  ["Rydw i ar gontract dros dro, ga i wneud cais?", "fixed-term-contract"],
  ["Mae fy nghontract cyfnod penodol yn gorffen mis Mawrth, ydy hynny'n broblem?", "fixed-term-contract"],
  ["Beth yw manteision gwneud secondiad?", "benefits"],
  ["Sut bydd secondiad o fudd i fy ngyrfa?", "benefits"],
  ["Rydw i'n gweithio pedwar diwrnod yr wythnos, alla i gymryd rhan?", "part-time-hours"],
  ["Ydy gweithwyr rhan-amser yn cael ymuno?", "part-time-hours"],
  ["Pa mor hir yw secondiad fel arfer?", "secondment-types"],
  ["Alla i gyfnewid swydd gyda rhywun yng Nghyngor Caerdydd?", "secondment-types"],
  ["Oes secondiadau byr ar gael, tua tri mis?", "secondment-types"],
  ["Mae gen i ddyslecsia, oes help gyda'r ffurflen?", "disability-adjustments"],
  ["Pa addasiadau rhesymol sydd ar gael i bobl anabl?", "disability-adjustments"],
  ["Sut ydych chi'n paru pobl â swyddi?", "matching-process"],
  ["Oes cyfweliad a phroses recriwtio arferol?", "matching-process"],
  ["Pwy fydd yn dweud wrtha i os oes pâr i mi?", "match-notification"],
  ["Sut ca i wybod fy mod i wedi cael fy mharu?", "match-notification"],
  ["Ydy'r sgwrs gyda deiliad y swydd wag yn gyfweliad ffurfiol?", "informal-discussion"],
  ["Beth alla i ei ddisgwyl yn y drafodaeth anffurfiol?", "informal-discussion"],
  ["Alla i ddweud na ar ôl cwrdd â'r sefydliad lletyol?", "not-proceeding"],
  ["Beth os nad ydy'r pâr yn iawn i mi?", "not-proceeding"],
  ["Ydy hi'n sicr y bydda i'n cael pâr os ydw i'n cofrestru?", "guaranteed-match"],
  ["Pwy ddylwn i ddweud wrthyn nhw os ydw i'n sâl yn ystod y secondiad?", "keeping-in-touch"],
  ["A fydd fy rheolwr gartref yn cadw mewn cysylltiad â fi?", "keeping-in-touch"],
  ["Ydy hi'n bosib gwneud y secondiad yn hirach?", "extension"],
  ["Oes terfyn o ddwy flynedd ar secondiad?", "extension"],
  ["Sut ydw i'n cofrestru ar gyfer y rhaglen?", "register-interest"],
  ["Ble mae llenwi'r datganiad o ddiddordeb?", "register-interest"],
  ["Mae gan ein tîm ni yn Abertawe swydd wag, sut ydyn ni'n ei chynnig i secondai?", "offer-a-role"],
  ["Beth yw cyfeiriad e-bost y tîm?", "further-questions"],
  ["Â phwy dylwn i gysylltu gyda chwestiynau eraill?", "further-questions"],
  ["Beth yw'r saith cam i gael secondiad?", "seven-step-plan"],
  ["Sut mae penderfynu pa sgiliau rydw i eisiau eu datblygu?", "choosing-skills"],
  ["Sut ydw i'n sôn am secondiad wrth fy rheolwr llinell?", "talking-to-your-manager"],
  ["Sut dylwn i gysylltu â sefydliad lletyol am y tro cyntaf?", "approaching-a-host"],
  ["Alla i gael secondiad gyda Chwaraeon Cymru neu elusen?", "host-organisations"],
  ["Pa sefydliadau sy'n croesawu secondeion?", "host-organisations"],
  ["Beth ddylwn i ei roi yn fy achos busnes?", "business-case"],
  ["Beth sydd angen ei gytuno cyn i'r secondiad ddechrau?", "arranging-details"],
  ["Pwy sy'n talu fy nghyflog pan fydda i ar secondiad?", "pay-and-expenses"],
  ["Ydy'r sefydliad lletyol yn talu costau teithio?", "pay-and-expenses"],
  ["Pwy sy'n gwneud fy adolygiad perfformiad ar secondiad?", "performance-management"],
  ["Beth ddylwn i ei wneud pan ddaw fy secondiad i ben?", "end-of-secondment"],
  [
    "Rydw i'n gweithio i'r cyngor yn Aberystwyth ers pum mlynedd ac mae gen i ddiddordeb mawr, ond dydw i ddim yn siŵr pwy fyddai'n talu fy nghyflog tra bydda i i ffwrdd gyda sefydliad arall?",
    "pay-and-expenses",
  ],
];

/** Welsh questions outside what the bot knows: must never get an answer. */
export const WELSH_OFF_TOPIC: readonly string[] = [
  "Sut mae'r tywydd yng Nghaerdydd heddiw?",
  "Sut ydw i'n ailosod fy nghyfrinair?",
  "Pwy enillodd y gêm rygbi ddydd Sadwrn?",
  "Alla i archebu ystafell gyfarfod?",
  "Pryd mae'r ffreutur yn cau?",
  "Ble alla i barcio yn swyddfa Bangor?",
  "Dywedwch jôc wrtha i",
  "Beth yw prifddinas Ffrainc?",
  "Mae Teams yn dal i chwalu ar fy nghyfrifiadur",
  "Pryd mae'r gŵyl banc nesaf?",
];
