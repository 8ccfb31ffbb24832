// Words the search benchmark writes its 10 M messages from, most frequent first. A message draws
// each word at rank k with probability ln((k+1)/k) / ln(n+1): Zipf-like, as in real text, where a
// few words are in most messages and most words are in few.

const support = `the order please my you payment refund hello thanks delivery account card help
  today invoice package issue problem tracking number email address change cancel return item
  received charged twice price discount code shipping week yesterday tomorrow support service
  update status still waiting answer question website login password reset app phone call store
  product size colour wrong broken missing damaged replacement exchange subscription plan upgrade
  billing receipt credit bank transfer paypal balance fee tax total amount month year morning`;

// Russian inflections of one word (счёт, счета, счетом …), Bulgarian and Arabic words, spread over
// the frequency ranks: stems must find them all.
const other = `здравствуйте заказ счёт доставка спасибо оплата счета возврат поръчка поръчката
  счетом плащане доставката الطلب شكرا الدفع التوصيل`;

/** The words the benchmark searches for, with the rank it puts them at. */
export const PROBES = {
  common: 'order',
  frequent: 'invoice',
  mid: 'receipt',
  uncommon: 'kaleidoscope',
  cyrillic: 'счёт',
  rare: 'zanzibar',
};

export function vocabulary(size = 5000) {
  const head = support.split(/\s+/).filter(Boolean);
  const foreign = other.split(/\s+/).filter(Boolean);
  const words = [...head];
  // Foreign words at ranks 3, 13, 23, …: the Russian forms are among the frequent ones.
  foreign.forEach((w, i) => words.splice(3 + i * 10, 0, w));
  while (words.length < size) words.push(`lex${words.length.toString(36)}`);
  // An uncommon real word, deep in the tail (about 1 message in 5 000).
  words.splice(1500, 0, PROBES.uncommon);
  return words.slice(0, size);
}
