/**
 * The sections' names: their titles and keyword phrases, each as the terms of its meaningful words. A question
 * that is just one of them names the section. Kept in flat arrays (a plan with long keyword lists has hundreds
 * of thousands of names) with an index from each term to the names holding it.
 */
export class NameTable {
  private terms: number[] = [];
  private starts: number[] = [0];
  private sizes: number[] = [];
  private titles: number[] = [];
  private docs: number[] = [];
  /** Term → names (compressed rows), built by `finish`; the same for titles alone. */
  private rowStart: Int32Array = new Int32Array(0);
  private rowNames: Int32Array = new Int32Array(0);
  private titleStart: Int32Array = new Int32Array(0);
  private titleNames: Int32Array = new Int32Array(0);
  /** Per title name, how many of the question's terms it holds (`titlesHeld`; all 0 between calls). */
  private held = new Int32Array(0);

  /** Adds a name of section `doc`: its distinct terms and how many meaningful words it has. */
  add(doc: number, terms: Iterable<number>, size: number, title: boolean): void {
    for (const t of new Set(terms)) this.terms.push(t);
    this.starts.push(this.terms.length);
    this.sizes.push(size);
    this.titles.push(title ? 1 : 0);
    this.docs.push(doc);
  }

  /** The terms of a section's titles, every language: what the section is about. */
  titleTerms(doc: number, from: number): Set<number> {
    const out = new Set<number>();
    for (let n = from; n < this.docs.length; n++) if (this.docs[n] === doc && this.titles[n]) for (let i = this.starts[n]; i < this.starts[n + 1]; i++) out.add(this.terms[i]);
    return out;
  }

  get count(): number {
    return this.docs.length;
  }

  finish(termCount: number): void {
    [this.rowStart, this.rowNames] = this.rows(termCount, () => true);
    [this.titleStart, this.titleNames] = this.rows(termCount, (n) => this.titles[n] === 1);
    this.held = new Int32Array(this.docs.length);
    this.terms = Int32Array.from(this.terms) as unknown as number[];
    this.starts = Int32Array.from(this.starts) as unknown as number[];
  }

  /** Term → the names `keep` keeps, as compressed rows: where each term's row starts, and the rows one after another. */
  private rows(termCount: number, keep: (name: number) => boolean): [Int32Array, Int32Array] {
    const start = new Int32Array(termCount + 1);
    for (let n = 0; n < this.docs.length; n++) if (keep(n)) for (let i = this.starts[n]; i < this.starts[n + 1]; i++) start[this.terms[i] + 1]++;
    for (let t = 0; t < termCount; t++) start[t + 1] += start[t];
    const next = start.slice(0, termCount);
    const names = new Int32Array(start[termCount]);
    for (let n = 0; n < this.docs.length; n++) if (keep(n)) for (let i = this.starts[n]; i < this.starts[n + 1]; i++) names[next[this.terms[i]]++] = n;
    return [start, names];
  }

  /**
   * The sections one of whose titles (of at least `minWords` meaningful words) the question holds whole, its words
   * among others: "montako päivää palvelutarpeen arviointi saa kestää" holds "Palvelutarpeen arviointi", not
   * "Palvelutarpeen arvioinnin sisältö". `asked`: the terms of the question's readings. Calls `fn(doc)` per title.
   */
  titlesHeld(asked: Iterable<number>, minWords: number, fn: (doc: number) => void): void {
    const { held, titleStart, titleNames } = this;
    const touched: number[] = [];
    for (const term of asked) {
      if (term < 0 || term + 1 >= titleStart.length) continue;
      for (let i = titleStart[term]; i < titleStart[term + 1]; i++) {
        const n = titleNames[i];
        if (held[n]++ === 0) touched.push(n);
      }
    }
    for (const n of touched) {
      const distinct = this.starts[n + 1] - this.starts[n];
      if (held[n] === distinct && this.sizes[n] >= minWords && distinct >= minWords) fn(this.docs[n]);
      held[n] = 0;
    }
  }

  /**
   * The names with exactly `readings.length` meaningful words that hold a reading of every word, found through
   * the first word's readings; calls `fn(doc, title)` once per such name.
   */
  match(readings: number[][], fn: (doc: number, title: boolean) => void): void {
    const seen = new Set<number>();
    for (const term of readings[0]) {
      if (term < 0 || term + 1 >= this.rowStart.length) continue;
      for (let i = this.rowStart[term]; i < this.rowStart[term + 1]; i++) {
        const n = this.rowNames[i];
        if (this.sizes[n] !== readings.length || seen.has(n)) continue;
        seen.add(n);
        const has = (t: number) => {
          for (let k = this.starts[n]; k < this.starts[n + 1]; k++) if (this.terms[k] === t) return true;
          return false;
        };
        if (readings.every((r) => r.some(has))) fn(this.docs[n], this.titles[n] === 1);
      }
    }
  }
}
