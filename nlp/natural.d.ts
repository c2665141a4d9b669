// Type declarations for the few `natural` sub-modules nlp/ imports directly. natural ships .d.ts files only for
// its folder index files; importing those index files (or the package root) is avoided on purpose: the root loads
// storage back-ends that print banners and read .env. These declarations cover only what nlp/ uses.

declare module 'natural/lib/natural/stemmers/indonesian/stemmer_id.js' {
  /** Sastrawi-style Indonesian stemmer (dictionary based, slow: callers cache results). */
  const stemmerId: {
    stem(token: string): string;
    tokenizeAndStem(text: string, keepStops?: boolean): string[];
  };
  export default stemmerId;
}

declare module 'natural/lib/natural/tokenizers/aggressive_tokenizer_id.js' {
  /** Splits on anything but [a-z0-9 -]; expects lowercase input (capitals are dropped otherwise). */
  class AggressiveTokenizerId {
    tokenize(text: string): string[];
  }
  export default AggressiveTokenizerId;
}

declare module 'natural/lib/natural/ngrams/ngrams.js' {
  const ngrams: {
    ngrams(sequence: string | string[], n: number, startSymbol?: string, endSymbol?: string): string[][];
    bigrams(sequence: string | string[], startSymbol?: string, endSymbol?: string): string[][];
    trigrams(sequence: string | string[], startSymbol?: string, endSymbol?: string): string[][];
  };
  export default ngrams;
}

declare module 'natural/lib/natural/classifiers/bayes_classifier.js' {
  interface Stemmer {
    stem(token: string): string;
    tokenizeAndStem(text: string, keepStops?: boolean): string[];
  }
  /** natural's naive Bayes text classifier (used only as a baseline in `nlp eval`). */
  class BayesClassifier {
    constructor(stemmer?: Stemmer, smoothing?: number);
    addDocument(text: string | string[], label: string): void;
    train(): void;
    classify(text: string | string[]): string;
  }
  export default BayesClassifier;
}

declare module 'natural/lib/natural/classifiers/logistic_regression_classifier.js' {
  interface Stemmer {
    stem(token: string): string;
    tokenizeAndStem(text: string, keepStops?: boolean): string[];
  }
  /** natural's dense logistic regression classifier (used only as a baseline in `nlp eval`). */
  class LogisticRegressionClassifier {
    constructor(stemmer?: Stemmer);
    addDocument(text: string | string[], label: string): void;
    train(): void;
    classify(text: string | string[]): string;
  }
  export default LogisticRegressionClassifier;
}
