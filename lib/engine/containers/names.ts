/**
 * Container IDs and Docker-style random names (`adjective_surname`, as moby's names-generator
 * makes them), drawn from an injected random source so tests and replays are deterministic.
 */
export type RandomSource = () => number;

const ADJECTIVES = (
  'admiring adoring affectionate agitated amazing angry awesome beautiful blissful bold boring brave busy charming clever ' +
  'compassionate competent confident cool cranky crazy dazzling determined distracted dreamy eager ecstatic elastic elated ' +
  'elegant eloquent epic exciting fervent festive flamboyant focused friendly frosty funny gallant gifted goofy gracious ' +
  'great happy hardcore heuristic hopeful hungry infallible inspiring intelligent interesting jolly jovial keen kind laughing ' +
  'loving lucid magical modest musing mystifying naughty nervous nice nifty nostalgic objective optimistic peaceful pedantic ' +
  'pensive practical priceless quirky quizzical recursing relaxed reverent romantic sad serene sharp silly sleepy stoic ' +
  'strange suspicious sweet tender thirsty trusting unruffled upbeat vibrant vigilant vigorous wizardly wonderful youthful zealous zen'
).split(' ');

const SURNAMES = (
  'agnesi albattani allen almeida archimedes ardinghelli aryabhata austin babbage banach bardeen bartik bassi bell benz ' +
  'bhabha bohr booth borg bose brahmagupta brattain brown buck burnell cannon carson cartwright cerf chandrasekhar chaplygin ' +
  'chatelet chatterjee cori cray curie darwin davinci dijkstra dirac driscoll dubinsky easley edison einstein elbakyan elion ' +
  'engelbart euclid euler faraday fermat fermi feynman franklin galileo gates goldberg goldstine golick goodall hamilton ' +
  'hawking heisenberg hellman hermann hodgkin hofstadter hopper hypatia jackson jang jennings jepsen johnson joliot jones ' +
  'kalam kapitsa keldysh keller kepler khorana kilby kirch knuth kowalevski lalande lamarr lamport leakey leavitt lehmann ' +
  'lewin lichterman liskov lovelace lumiere mahavira margulis matsumoto maxwell mayer mccarthy mcclintock mclean mcnulty ' +
  'meitner mendel mendeleev merkle mirzakhani montalcini moore morse moser napier nash neumann newton nightingale nobel ' +
  'noether northcutt noyce panini pare pascal pasteur payne perlman pike poincare poitras proskuriakova ptolemy raman ' +
  'ramanujan ride ritchie robinson roentgen rosalind rubin saha sammet sanderson satoshi shamir shannon shaw shirley ' +
  'shockley sinoussi snyder solomon spence stonebraker sutherland swanson swartz swirles taussig tesla tharp thompson ' +
  'torvalds tu turing varahamihira vaughan villani visvesvaraya volhard wescoff wilbur wiles williams williamson wilson wing wozniak wright wu yalow yonath zhukovsky'
).split(' ');

function pick<T>(items: readonly T[], random: RandomSource): T {
  return items[Math.min(items.length - 1, Math.floor(random() * items.length))] as T;
}

/** `admiring_hopper`; never `boring_wozniak` (Steve Wozniak is not boring, says moby). */
export function randomName(random: RandomSource): string {
  for (;;) {
    const name = `${pick(ADJECTIVES, random)}_${pick(SURNAMES, random)}`;
    if (name !== 'boring_wozniak') return name;
  }
}

/** 64 lowercase hex digits, as container IDs are. */
export function randomId(random: RandomSource): string {
  let id = '';
  while (id.length < 64) id += Math.floor(random() * 0x100000000).toString(16).padStart(8, '0');
  return id.slice(0, 64);
}

/** A deterministic source from a seed string (xmur3 hash into mulberry32). */
export function seededRandom(seed: string): RandomSource {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let state = h >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Docker's rule for `--name`: `[a-zA-Z0-9][a-zA-Z0-9_.-]+`. */
export const VALID_NAME = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
