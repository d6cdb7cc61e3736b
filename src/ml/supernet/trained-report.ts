// The figures a trained supernet ships with: test/val accuracy (%) of the largest and
// smallest subnets after BN recalibration on the whole training split, and for random subnets
// the validation accuracy with the training-time running statistics against after recalibration.
// Shared by the browser (scripts/train-page) and Node (scripts/train-supernet-node.ts) trainers.
import * as tf from '@tensorflow/tfjs';
import type { Supernet } from './supernet';
import type { Split } from './batches';
import { evaluateSubnet, accuracyPercent } from './evaluate';
import { LARGEST_GENOME, SMALLEST_GENOME, formatGenome, genomeKey, sampleGenome } from '../../core/genome';
import { Rng } from '../../core/rng';

export interface RandomSubnetFigure {
  genome: string;
  valNoRecal: number;
  valRecal: number;
}

export interface TrainedReport {
  final: Record<string, { val: number; test: number }>;
  randomSubnets: RandomSubnetFigure[];
}

export interface TrainedReportOptions {
  randomSubnets: number;
  randomRecalBatches: number;
  randomBudgetS: number;
  seed: number;
  log: (line: string) => void;
}

export async function measureTrainedSupernet(
  net: Supernet,
  data: { train: Split; val: Split; test: Split },
  opts: TrainedReportOptions,
): Promise<TrainedReport> {
  const { train, val, test } = data;
  const statVars = net.namedVariables().filter(([, v]) => !v.trainable).map(([, v]) => v);
  const trainingStats = statVars.map((v) => v.clone()); // running statistics as left by training
  const final: Record<string, { val: number; test: number }> = {};
  for (const g of [LARGEST_GENOME, SMALLEST_GENOME]) {
    const valAcc = (await evaluateSubnet(net, g, train, val)).accuracy;
    const testAcc = await accuracyPercent(net, g, test);
    final[formatGenome(g)] = { val: valAcc, test: testAcc };
    opts.log(`FINAL ${formatGenome(g)} val ${valAcc.toFixed(2)}% test ${testAcc.toFixed(2)}%`);
  }
  const rng = new Rng(opts.seed);
  const randomSubnets: RandomSubnetFigure[] = [];
  const seen = new Set<string>();
  const start = performance.now();
  while (randomSubnets.length < opts.randomSubnets && performance.now() - start < opts.randomBudgetS * 1000) {
    const g = sampleGenome(rng);
    if (seen.has(genomeKey(g))) continue;
    seen.add(genomeKey(g));
    statVars.forEach((v, i) => v.assign(trainingStats[i]));
    const valNoRecal = await accuracyPercent(net, g, val);
    const valRecal = (await evaluateSubnet(net, g, train, val, { batches: opts.randomRecalBatches, batchSize: 64 })).accuracy;
    randomSubnets.push({ genome: genomeKey(g), valNoRecal, valRecal });
    opts.log(`RANDOM ${genomeKey(g)} noRecal ${valNoRecal.toFixed(2)}% recal ${valRecal.toFixed(2)}%`);
  }
  tf.dispose(trainingStats);
  return { final, randomSubnets };
}
