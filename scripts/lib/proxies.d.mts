import type { Server } from 'node:http';

export function roundRobinProxy(port: number, ports: number[]): Server;
export type FloatingAddress = { port: number; moveTo(port: number): void; close(): Promise<void> };
export function floatingAddress(targetPort: number): Promise<FloatingAddress>;
