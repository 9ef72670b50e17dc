/**
 * Layers the Transformer needs and tfjs-layers lacks: multi-head self-attention and a learned position
 * embedding. Both are registered for serialisation, so a saved model reloads with `loadLayersModel`.
 */
import {
  add,
  matMul,
  mul,
  reshape,
  serialization,
  softmax,
  tidy,
  transpose,
  unstack,
} from '@tensorflow/tfjs-core';
import type { Tensor } from '@tensorflow/tfjs-core';
import { initializers, layers, type LayerVariable } from '@tensorflow/tfjs-layers';
import type { LayerArgs } from '@tensorflow/tfjs-layers/dist/engine/topology';

type Shape = (number | null)[];
type Initializer = ReturnType<typeof initializers.glorotUniform>;

function single(inputs: Tensor | Tensor[]): Tensor {
  return Array.isArray(inputs) ? inputs[0] : inputs;
}

function singleShape(inputShape: Shape | Shape[]): Shape {
  return Array.isArray(inputShape[0]) ? (inputShape[0] as Shape) : (inputShape as Shape);
}

/** Arguments of `SelfAttention`. */
export interface SelfAttentionArgs extends LayerArgs {
  numHeads: number;
  kernelInitializer?: Initializer;
}

/** Multi-head scaled dot-product self-attention over [batch, tokens, dim] (dim divisible by numHeads). */
export class SelfAttention extends layers.Layer {
  /** Serialisation name. */
  static className = 'PqrstSelfAttention';
  readonly numHeads: number;
  private readonly kernelInit: Initializer;
  private qkvKernel!: LayerVariable;
  private qkvBias!: LayerVariable;
  private outKernel!: LayerVariable;
  private outBias!: LayerVariable;

  constructor(args: SelfAttentionArgs) {
    super(args);
    this.numHeads = args.numHeads;
    this.kernelInit = args.kernelInitializer ?? initializers.glorotUniform({});
  }

  override build(inputShape: Shape | Shape[]): void {
    const dim = singleShape(inputShape).at(-1) as number;
    if (dim % this.numHeads !== 0)
      throw new Error(`SelfAttention: dim ${dim} not divisible by ${this.numHeads} heads`);
    const zeros = initializers.zeros();
    this.qkvKernel = this.addWeight('qkv_kernel', [dim, 3 * dim], 'float32', this.kernelInit);
    this.qkvBias = this.addWeight('qkv_bias', [3 * dim], 'float32', zeros);
    this.outKernel = this.addWeight('out_kernel', [dim, dim], 'float32', this.kernelInit);
    this.outBias = this.addWeight('out_bias', [dim], 'float32', zeros);
    this.built = true;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    return singleShape(inputShape);
  }

  override call(inputs: Tensor | Tensor[]): Tensor {
    return tidy(() => {
      const x = single(inputs);
      const [b, t, dim] = x.shape;
      const h = this.numHeads;
      const dh = dim / h;
      const qkv = add(matMul(reshape(x, [b * t, dim]), this.qkvKernel.read()), this.qkvBias.read());
      const [q, k, v] = unstack(transpose(reshape(qkv, [b, t, 3, h, dh]), [2, 0, 3, 1, 4])).map((m) =>
        reshape(m, [b * h, t, dh]),
      );
      const weights = softmax(mul(matMul(q, k, false, true), 1 / Math.sqrt(dh)));
      const context = transpose(reshape(matMul(weights, v), [b, h, t, dh]), [0, 2, 1, 3]);
      const out = add(matMul(reshape(context, [b * t, dim]), this.outKernel.read()), this.outBias.read());
      return reshape(out, [b, t, dim]);
    });
  }

  override getConfig(): serialization.ConfigDict {
    return { ...super.getConfig(), numHeads: this.numHeads };
  }
}

/** Arguments of `PositionEmbedding`. */
export interface PositionEmbeddingArgs extends LayerArgs {
  embeddingsInitializer?: Initializer;
}

/** Adds a learned [tokens, dim] embedding to its [batch, tokens, dim] input. */
export class PositionEmbedding extends layers.Layer {
  /** Serialisation name. */
  static className = 'PqrstPositionEmbedding';
  private readonly embeddingsInit: Initializer;
  private embeddings!: LayerVariable;

  constructor(args: PositionEmbeddingArgs) {
    super(args);
    this.embeddingsInit = args.embeddingsInitializer ?? initializers.randomNormal({ stddev: 0.02 });
  }

  override build(inputShape: Shape | Shape[]): void {
    const shape = singleShape(inputShape);
    this.embeddings = this.addWeight(
      'embeddings',
      [shape[1] as number, shape[2] as number],
      'float32',
      this.embeddingsInit,
    );
    this.built = true;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    return singleShape(inputShape);
  }

  override call(inputs: Tensor | Tensor[]): Tensor {
    return tidy(() => add(single(inputs), this.embeddings.read()));
  }
}

serialization.registerClass(SelfAttention);
serialization.registerClass(PositionEmbedding);
