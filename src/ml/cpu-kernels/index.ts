// Fast flat-loop replacements of the tfjs `cpu` convolution kernels (Node supernet training).
export { installFastCpuKernels, uninstallFastCpuKernels, fastCpuKernelsInstalled, stockCpuKernel, FAST_CPU_KERNELS, fastKernelCalls } from './install';
