/** The part of @nlpjs/neural (CommonJS, no type declarations) that the FAQ classifier uses. */
declare module "@nlpjs/neural" {
  export class NeuralNetwork {
    constructor(settings?: { log?: boolean; iterations?: number; errorThresh?: number; learningRate?: number });
    /** Train on examples: input features -> 1, output label -> 1. */
    train(corpus: Array<{ input: Record<string, number>; output: Record<string, number> }>): { iterations: number; error: number };
    /** One output per label (0 and up); undefined before training. */
    run(input: Record<string, number>): Record<string, number> | undefined;
  }
}
