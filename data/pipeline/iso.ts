// ISO 3166-1 numeric → alpha-3 for the countries that can fall inside the basemap's box. world-atlas carries only the
// numeric id and an English name; build.ts stops with an error if a country outside this table turns up, rather than
// writing an empty code.
export const ISO3_BY_NUMERIC: Readonly<Record<string, string>> = {
  '004': 'AFG', // Afghanistan
  '031': 'AZE', // Azerbaijan
  '048': 'BHR', // Bahrain
  '051': 'ARM', // Armenia
  '196': 'CYP', // Cyprus
  '268': 'GEO', // Georgia
  '275': 'PSE', // Palestine
  '364': 'IRN', // Iran
  '368': 'IRQ', // Iraq
  '376': 'ISR', // Israel
  '398': 'KAZ', // Kazakhstan
  '400': 'JOR', // Jordan
  '414': 'KWT', // Kuwait
  '422': 'LBN', // Lebanon
  '512': 'OMN', // Oman
  '586': 'PAK', // Pakistan
  '634': 'QAT', // Qatar
  '643': 'RUS', // Russia
  '682': 'SAU', // Saudi Arabia
  '760': 'SYR', // Syria
  '762': 'TJK', // Tajikistan
  '784': 'ARE', // United Arab Emirates
  '792': 'TUR', // Turkey
  '795': 'TKM', // Turkmenistan
  '818': 'EGY', // Egypt
  '860': 'UZB', // Uzbekistan
};
