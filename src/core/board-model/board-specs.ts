// Published figures of the boards the estimated-board model (./roofline.ts) reads: peak
// float32 throughput of the processor that runs the network, memory bandwidth, CPU clock (the
// framework launches kernels from the CPU) and the module's power budget. The peak FLOPS are our
// arithmetic from the published core counts and clocks (cores × 2 FLOP per fused multiply-add ×
// clock); the other figures are the vendors' own. The two measured boards are here too: the
// model is fitted on them.

export interface BoardSpec {
  id: string;
  name: string;
  /** What runs the network: the integrated GPU, or the CPU cores (no usable GPU compute). */
  processor: string;
  /** Peak float32 throughput, GFLOP/s. */
  peakGflops: number;
  /** Peak DRAM bandwidth, GB/s. */
  memoryGBs: number;
  /** Highest CPU clock, GHz. */
  cpuGHz: number;
  /** Highest power mode of the module, W. */
  powerW: number;
  /** Where the figures come from. */
  sources: string[];
}

export const BOARD_SPECS: Readonly<Record<string, BoardSpec>> = {
  'jetson-tx2': {
    id: 'jetson-tx2',
    name: 'NVIDIA Jetson TX2',
    processor: '256-core Pascal GPU at 1.30 GHz',
    peakGflops: 256 * 2 * 1.3,
    memoryGBs: 59.7,
    cpuGHz: 2.0,
    powerW: 15,
    sources: ['NVIDIA Jetson TX2 module data sheet (256 CUDA cores, 1.3 GHz; 128-bit LPDDR4, 59.7 GB/s; Denver 2 / Cortex-A57 at 2.0 GHz; 7.5–15 W)'],
  },
  'jetson-agx-xavier': {
    id: 'jetson-agx-xavier',
    name: 'NVIDIA Jetson AGX Xavier',
    processor: '512-core Volta GPU at 1.377 GHz',
    peakGflops: 512 * 2 * 1.377,
    memoryGBs: 136.5,
    cpuGHz: 2.26,
    powerW: 30,
    sources: ['NVIDIA Jetson AGX Xavier module data sheet (512 CUDA cores, 1.377 GHz; 256-bit LPDDR4x, 136.5 GB/s; Carmel at 2.26 GHz; 10–30 W)'],
  },
  'jetson-nano': {
    id: 'jetson-nano',
    name: 'NVIDIA Jetson Nano',
    processor: '128-core Maxwell GPU at 0.921 GHz',
    peakGflops: 128 * 2 * 0.921,
    memoryGBs: 25.6,
    cpuGHz: 1.43,
    powerW: 10,
    sources: ['NVIDIA Jetson Nano module data sheet (128 CUDA cores, 921 MHz; 64-bit LPDDR4, 25.6 GB/s; Cortex-A57 at 1.43 GHz; 5–10 W)'],
  },
  'raspberry-pi-4': {
    id: 'raspberry-pi-4',
    name: 'Raspberry Pi 4 Model B',
    processor: '4 Cortex-A72 cores at 1.5 GHz (NEON, one 4-wide float32 FMA per cycle each)',
    peakGflops: 4 * 1.5 * 4 * 2,
    memoryGBs: 12.8,
    cpuGHz: 1.5,
    powerW: 6.4,
    sources: [
      'Raspberry Pi 4 Model B product brief (BCM2711, quad-core Cortex-A72 at 1.5 GHz; LPDDR4-3200, 32-bit: 12.8 GB/s)',
      'power under full load about 6.4 W (commonly published bench measurements of the board)',
    ],
  },
};
