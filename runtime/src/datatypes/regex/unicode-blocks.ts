/**
 * The Unicode blocks that \p{IsName} may name in an XSD pattern, by their name with spaces
 * removed. XSD 1.0 lists the Unicode 3.1 blocks; libxml2 knows the Unicode 4.0.1 set, a superset
 * (with aliases such as GreekandCoptic), and a pattern libxml2 compiles must compile here too.
 * Block ranges never change between Unicode versions, so JavaScript's newer data is no issue.
 */
const BLOCKS: Readonly<Record<string, string>> = {
  AegeanNumbers: '10100-1013F', AlphabeticPresentationForms: 'FB00-FB4F', Arabic: '0600-06FF',
  'ArabicPresentationForms-A': 'FB50-FDFF', 'ArabicPresentationForms-B': 'FE70-FEFF', Armenian: '0530-058F',
  Arrows: '2190-21FF', BasicLatin: '0000-007F', Bengali: '0980-09FF', BlockElements: '2580-259F',
  Bopomofo: '3100-312F', BopomofoExtended: '31A0-31BF', BoxDrawing: '2500-257F', BraillePatterns: '2800-28FF',
  Buhid: '1740-175F', ByzantineMusicalSymbols: '1D000-1D0FF', CJKCompatibility: '3300-33FF',
  CJKCompatibilityForms: 'FE30-FE4F', CJKCompatibilityIdeographs: 'F900-FAFF',
  CJKCompatibilityIdeographsSupplement: '2F800-2FA1F', CJKRadicalsSupplement: '2E80-2EFF',
  CJKSymbolsandPunctuation: '3000-303F', CJKUnifiedIdeographs: '4E00-9FFF',
  CJKUnifiedIdeographsExtensionA: '3400-4DBF', CJKUnifiedIdeographsExtensionB: '20000-2A6DF',
  Cherokee: '13A0-13FF', CombiningDiacriticalMarks: '0300-036F', CombiningDiacriticalMarksforSymbols: '20D0-20FF',
  CombiningHalfMarks: 'FE20-FE2F', CombiningMarksforSymbols: '20D0-20FF', ControlPictures: '2400-243F',
  CurrencySymbols: '20A0-20CF', CypriotSyllabary: '10800-1083F', Cyrillic: '0400-04FF',
  CyrillicSupplement: '0500-052F', Deseret: '10400-1044F', Devanagari: '0900-097F', Dingbats: '2700-27BF',
  EnclosedAlphanumerics: '2460-24FF', EnclosedCJKLettersandMonths: '3200-32FF', Ethiopic: '1200-137F',
  GeneralPunctuation: '2000-206F', GeometricShapes: '25A0-25FF', Georgian: '10A0-10FF', Gothic: '10330-1034F',
  Greek: '0370-03FF', GreekExtended: '1F00-1FFF', GreekandCoptic: '0370-03FF', Gujarati: '0A80-0AFF',
  Gurmukhi: '0A00-0A7F', HalfwidthandFullwidthForms: 'FF00-FFEF', HangulCompatibilityJamo: '3130-318F',
  HangulJamo: '1100-11FF', HangulSyllables: 'AC00-D7AF', Hanunoo: '1720-173F', Hebrew: '0590-05FF',
  HighPrivateUseSurrogates: 'DB80-DBFF', HighSurrogates: 'D800-DB7F', Hiragana: '3040-309F',
  IPAExtensions: '0250-02AF', IdeographicDescriptionCharacters: '2FF0-2FFF', Kanbun: '3190-319F',
  KangxiRadicals: '2F00-2FDF', Kannada: '0C80-0CFF', Katakana: '30A0-30FF', KatakanaPhoneticExtensions: '31F0-31FF',
  Khmer: '1780-17FF', KhmerSymbols: '19E0-19FF', Lao: '0E80-0EFF', 'Latin-1Supplement': '0080-00FF',
  'LatinExtended-A': '0100-017F', 'LatinExtended-B': '0180-024F', LatinExtendedAdditional: '1E00-1EFF',
  LetterlikeSymbols: '2100-214F', Limbu: '1900-194F', LinearBIdeograms: '10080-100FF',
  LinearBSyllabary: '10000-1007F', LowSurrogates: 'DC00-DFFF', Malayalam: '0D00-0D7F',
  MathematicalAlphanumericSymbols: '1D400-1D7FF', MathematicalOperators: '2200-22FF',
  'MiscellaneousMathematicalSymbols-A': '27C0-27EF', 'MiscellaneousMathematicalSymbols-B': '2980-29FF',
  MiscellaneousSymbols: '2600-26FF', MiscellaneousSymbolsandArrows: '2B00-2BFF', MiscellaneousTechnical: '2300-23FF',
  Mongolian: '1800-18AF', MusicalSymbols: '1D100-1D1FF', Myanmar: '1000-109F', NumberForms: '2150-218F',
  Ogham: '1680-169F', OldItalic: '10300-1032F', OpticalCharacterRecognition: '2440-245F', Oriya: '0B00-0B7F',
  Osmanya: '10480-104AF', PhoneticExtensions: '1D00-1D7F', PrivateUse: 'E000-F8FF F0000-FFFFF 100000-10FFFF',
  PrivateUseArea: 'E000-F8FF', Runic: '16A0-16FF', Shavian: '10450-1047F', Sinhala: '0D80-0DFF',
  SmallFormVariants: 'FE50-FE6F', SpacingModifierLetters: '02B0-02FF', Specials: 'FFF0-FFFF',
  SuperscriptsandSubscripts: '2070-209F', 'SupplementalArrows-A': '27F0-27FF', 'SupplementalArrows-B': '2900-297F',
  SupplementalMathematicalOperators: '2A00-2AFF', 'SupplementaryPrivateUseArea-A': 'F0000-FFFFF',
  'SupplementaryPrivateUseArea-B': '100000-10FFFF', Syriac: '0700-074F', Tagalog: '1700-171F',
  Tagbanwa: '1760-177F', Tags: 'E0000-E007F', TaiLe: '1950-197F', TaiXuanJingSymbols: '1D300-1D35F',
  Tamil: '0B80-0BFF', Telugu: '0C00-0C7F', Thaana: '0780-07BF', Thai: '0E00-0E7F', Tibetan: '0F00-0FFF',
  Ugaritic: '10380-1039F', UnifiedCanadianAboriginalSyllabics: '1400-167F', VariationSelectors: 'FE00-FE0F',
  VariationSelectorsSupplement: 'E0100-E01EF', YiRadicals: 'A490-A4CF', YiSyllables: 'A000-A48F',
  YijingHexagramSymbols: '4DC0-4DFF',
};

/** The block's ranges in "hex-hex hex-hex" form, or undefined for an unknown block name. */
export function blockRanges(name: string): string | undefined {
  return Object.hasOwn(BLOCKS, name) ? BLOCKS[name] : undefined;
}
