'use strict';
// Locale tables of validator.js 13.15 (lib/alpha.js, MIT): the isAlpha / isAlphanumeric
// patterns (single character classes; hi-IN is two disjoint classes in sequence) and the
// decimal separators of isFloat / isNumeric / isDecimal. The JS fast paths use them for
// short inputs; the core has the same tables (crates/bulwark-core/src/validators/alpha.rs),
// and js-tests/validators-locales.test.js compares both with validator.js for every
// locale and every code unit of the blocks that matter.

function table(rows) {
  const out = Object.create(null);
  for (const [names, source, flags] of rows) {
    const re = new RegExp(source, flags);
    for (const name of names) out[name] = re;
  }
  return out;
}

const ALPHA = table([
  [["en-US","en-AU","en-GB","en-HK","en-IN","en-NZ","en-ZA","en-ZM"], "^[A-Z]+$", "i"],
  [["az-AZ"], "^[A-VXYZÇƏĞİıÖŞÜ]+$", "i"],
  [["bg-BG"], "^[А-Я]+$", "i"],
  [["cs-CZ"], "^[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ]+$", "i"],
  [["da-DK","nb-NO","nn-NO"], "^[A-ZÆØÅ]+$", "i"],
  [["de-DE"], "^[A-ZÄÖÜß]+$", "i"],
  [["el-GR"], "^[Α-ώ]+$", "i"],
  [["es-ES"], "^[A-ZÁÉÍÑÓÚÜ]+$", "i"],
  [["fa-IR"], "^[ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی]+$", "i"],
  [["fi-FI","sv-SE"], "^[A-ZÅÄÖ]+$", "i"],
  [["fr-FR","fr-CA"], "^[A-ZÀÂÆÇÉÈÊËÏÎÔŒÙÛÜŸ]+$", "i"],
  [["it-IT"], "^[A-ZÀÉÈÌÎÓÒÙ]+$", "i"],
  [["ja-JP"], "^[ぁ-んァ-ヶｦ-ﾟ一-龠ー・。、]+$", "i"],
  [["nl-NL"], "^[A-ZÁÉËÏÓÖÜÚ]+$", "i"],
  [["hu-HU"], "^[A-ZÁÉÍÓÖŐÚÜŰ]+$", "i"],
  [["pl-PL","pl-Pl"], "^[A-ZĄĆĘŚŁŃÓŻŹ]+$", "i"],
  [["pt-PT","pt-BR"], "^[A-ZÃÁÀÂÄÇÉÊËÍÏÕÓÔÖÚÜ]+$", "i"],
  [["ru-RU"], "^[А-ЯЁ]+$", "i"],
  [["kk-KZ"], "^[А-ЯЁ\\u04D8\\u04B0\\u0406\\u04A2\\u0492\\u04AE\\u049A\\u04E8\\u04BA]+$", "i"],
  [["sl-SI"], "^[A-ZČĆĐŠŽ]+$", "i"],
  [["sk-SK"], "^[A-ZÁČĎÉÍŇÓŠŤÚÝŽĹŔĽÄÔ]+$", "i"],
  [["sr-RS@latin"], "^[A-ZČĆŽŠĐ]+$", "i"],
  [["sr-RS"], "^[А-ЯЂЈЉЊЋЏ]+$", "i"],
  [["th-TH"], "^[ก-๐\\s]+$", "i"],
  [["tr-TR"], "^[A-ZÇĞİıÖŞÜ]+$", "i"],
  [["uk-UA"], "^[А-ЩЬЮЯЄIЇҐі]+$", "i"],
  [["vi-VN"], "^[A-ZÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴĐÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸ]+$", "i"],
  [["ko-KR"], "^[ㄱ-ㅎㅏ-ㅣ가-힣]*$", ""],
  [["ku-IQ"], "^[ئابپتجچحخدرڕزژسشعغفڤقکگلڵمنوۆھەیێيطؤثآإأكضصةظذ]+$", "i"],
  [["ar","ar-AE","ar-BH","ar-DZ","ar-EG","ar-IQ","ar-JO","ar-KW","ar-LB","ar-LY","ar-MA","ar-QM","ar-QA","ar-SA","ar-SD","ar-SY","ar-TN","ar-YE"], "^[ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىيًٌٍَُِّْٰ]+$", ""],
  [["he"], "^[א-ת]+$", ""],
  [["fa","fa-AF"], "^['آاءأؤئبپتثجچحخدذرزژسشصضطظعغفقکگلمنوهةی']+$", "i"],
  [["bn","bn-BD","bn-IN"], "^['ঀঁংঃঅআইঈউঊঋঌএঐওঔকখগঘঙচছজঝঞটঠডঢণতথদধনপফবভমযরলশষসহ়ঽািীুূৃৄেৈোৌ্ৎৗড়ঢ়য়ৠৡৢৣৰৱ৲৳৴৵৶৷৸৹৺৻']+$", ""],
  [["eo"], "^[ABCĈD-GĜHĤIJĴK-PRSŜTUŬVZ]+$", "i"],
  [["hi-IN"], "^[\\u0900-\\u0961]+[\\u0972-\\u097F]*$", "i"],
  [["si-LK"], "^[\\u0D80-\\u0DFF]+$", ""],
  [["ta-IN"], "^[\\u0B80-\\u0BFF]+$", "i"],
  [["te-IN"], "^[\\u0C00-\\u0C7F]+$", "i"],
  [["kn-IN"], "^[\\u0C80-\\u0CFF]+$", "i"],
  [["ml-IN"], "^[\\u0D00-\\u0D7F]+$", "i"],
  [["gu-IN"], "^[\\u0A80-\\u0AFF]+$", "i"],
  [["pa-IN"], "^[\\u0A00-\\u0A7F]+$", "i"],
  [["or-IN"], "^[\\u0B00-\\u0B7F]+$", "i"],
]);

const ALPHANUMERIC = table([
  [["en-US","en-AU","en-GB","en-HK","en-IN","en-NZ","en-ZA","en-ZM"], "^[0-9A-Z]+$", "i"],
  [["az-AZ"], "^[0-9A-VXYZÇƏĞİıÖŞÜ]+$", "i"],
  [["bg-BG"], "^[0-9А-Я]+$", "i"],
  [["cs-CZ"], "^[0-9A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ]+$", "i"],
  [["da-DK","nb-NO","nn-NO"], "^[0-9A-ZÆØÅ]+$", "i"],
  [["de-DE"], "^[0-9A-ZÄÖÜß]+$", "i"],
  [["el-GR"], "^[0-9Α-ω]+$", "i"],
  [["es-ES"], "^[0-9A-ZÁÉÍÑÓÚÜ]+$", "i"],
  [["fi-FI","sv-SE"], "^[0-9A-ZÅÄÖ]+$", "i"],
  [["fr-FR","fr-CA"], "^[0-9A-ZÀÂÆÇÉÈÊËÏÎÔŒÙÛÜŸ]+$", "i"],
  [["it-IT"], "^[0-9A-ZÀÉÈÌÎÓÒÙ]+$", "i"],
  [["ja-JP"], "^[0-9０-９ぁ-んァ-ヶｦ-ﾟ一-龠ー・。、]+$", "i"],
  [["hu-HU"], "^[0-9A-ZÁÉÍÓÖŐÚÜŰ]+$", "i"],
  [["nl-NL"], "^[0-9A-ZÁÉËÏÓÖÜÚ]+$", "i"],
  [["pl-PL","pl-Pl"], "^[0-9A-ZĄĆĘŚŁŃÓŻŹ]+$", "i"],
  [["pt-PT","pt-BR"], "^[0-9A-ZÃÁÀÂÄÇÉÊËÍÏÕÓÔÖÚÜ]+$", "i"],
  [["ru-RU"], "^[0-9А-ЯЁ]+$", "i"],
  [["kk-KZ"], "^[0-9А-ЯЁ\\u04D8\\u04B0\\u0406\\u04A2\\u0492\\u04AE\\u049A\\u04E8\\u04BA]+$", "i"],
  [["sl-SI"], "^[0-9A-ZČĆĐŠŽ]+$", "i"],
  [["sk-SK"], "^[0-9A-ZÁČĎÉÍŇÓŠŤÚÝŽĹŔĽÄÔ]+$", "i"],
  [["sr-RS@latin"], "^[0-9A-ZČĆŽŠĐ]+$", "i"],
  [["sr-RS"], "^[0-9А-ЯЂЈЉЊЋЏ]+$", "i"],
  [["th-TH"], "^[ก-๙\\s]+$", "i"],
  [["tr-TR"], "^[0-9A-ZÇĞİıÖŞÜ]+$", "i"],
  [["uk-UA"], "^[0-9А-ЩЬЮЯЄIЇҐі]+$", "i"],
  [["ko-KR"], "^[0-9ㄱ-ㅎㅏ-ㅣ가-힣]*$", ""],
  [["ku-IQ"], "^[٠١٢٣٤٥٦٧٨٩0-9ئابپتجچحخدرڕزژسشعغفڤقکگلڵمنوۆھەیێيطؤثآإأكضصةظذ]+$", "i"],
  [["vi-VN"], "^[0-9A-ZÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴĐÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸ]+$", "i"],
  [["ar","ar-AE","ar-BH","ar-DZ","ar-EG","ar-IQ","ar-JO","ar-KW","ar-LB","ar-LY","ar-MA","ar-QM","ar-QA","ar-SA","ar-SD","ar-SY","ar-TN","ar-YE"], "^[٠١٢٣٤٥٦٧٨٩0-9ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىيًٌٍَُِّْٰ]+$", ""],
  [["he"], "^[0-9א-ת]+$", ""],
  [["fa","fa-IR","fa-AF"], "^['0-9آاءأؤئبپتثجچحخدذرزژسشصضطظعغفقکگلمنوهةی۱۲۳۴۵۶۷۸۹۰']+$", "i"],
  [["bn","bn-BD","bn-IN"], "^['ঀঁংঃঅআইঈউঊঋঌএঐওঔকখগঘঙচছজঝঞটঠডঢণতথদধনপফবভমযরলশষসহ়ঽািীুূৃৄেৈোৌ্ৎৗড়ঢ়য়ৠৡৢৣ০১২৩৪৫৬৭৮৯ৰৱ৲৳৴৵৶৷৸৹৺৻']+$", ""],
  [["eo"], "^[0-9ABCĈD-GĜHĤIJĴK-PRSŜTUŬVZ]+$", "i"],
  [["hi-IN"], "^[\\u0900-\\u0963]+[\\u0966-\\u097F]*$", "i"],
  [["si-LK"], "^[0-9\\u0D80-\\u0DFF]+$", ""],
  [["ta-IN"], "^[0-9\\u0B80-\\u0BFF.]+$", "i"],
  [["te-IN"], "^[0-9\\u0C00-\\u0C7F.]+$", "i"],
  [["kn-IN"], "^[0-9\\u0C80-\\u0CFF.]+$", "i"],
  [["ml-IN"], "^[0-9\\u0D00-\\u0D7F.]+$", "i"],
  [["gu-IN"], "^[0-9\\u0A80-\\u0AFF.]+$", "i"],
  [["pa-IN"], "^[0-9\\u0A00-\\u0A7F.]+$", "i"],
  [["or-IN"], "^[0-9\\u0B00-\\u0B7F.]+$", "i"],
]);

const DECIMAL = Object.assign(Object.create(null), {"en-US":".","ar":"٫","en-AU":".","en-GB":".","en-HK":".","en-IN":".","en-NZ":".","en-ZA":".","en-ZM":",","ar-AE":"٫","ar-BH":"٫","ar-DZ":"٫","ar-EG":".","ar-IQ":"٫","ar-JO":"٫","ar-KW":"٫","ar-LB":".","ar-LY":".","ar-MA":"٫","ar-QM":"٫","ar-QA":"٫","ar-SA":"٫","ar-SD":"٫","ar-SY":"٫","ar-TN":"٫","ar-YE":"٫","fa-IR":"٫","fa-AF":"٫","bn-BD":".","bn-IN":".","bg-BG":",","cs-CZ":",","da-DK":",","de-DE":",","el-GR":",","eo":",","es-ES":",","fr-CA":",","fr-FR":",","gu-IN":",","hi-IN":",","hu-HU":",","id-ID":",","it-IT":",","kk-KZ":",","kn-IN":",","ku-IQ":",","ml-IN":",","nb-NO":",","nl-NL":",","nn-NO":",","or-IN":",","pa-IN":",","pl-PL":",","pt-PT":",","ru-RU":",","si-LK":",","sl-SI":",","sr-RS":",","sr-RS@latin":",","sv-SE":",","ta-IN":",","te-IN":",","tr-TR":",","uk-UA":",","vi-VN":",","pt-BR":",","pl-Pl":","});

module.exports = { ALPHA, ALPHANUMERIC, DECIMAL };
