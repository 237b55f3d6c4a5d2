export { startSimulator, type Simulator, type SimulatorOptions } from './start-simulator.ts';
export { demoScenario } from './scenario/demo-scenario.ts';
export { generateLargeWorld, type LargeWorldOptions } from './scenario/large-world.ts';
export { loadScenario, parseScenario, ScenarioError } from './scenario/load-scenario.ts';
export type { Scenario, ParsedScenario } from './scenario/schema.ts';
export { ensureCertificates, type CertificateSet } from './certs/ensure-certificates.ts';
export type { SimControl, SimState, DeviceState, GatewayState } from './control/sim-control.ts';
export type { EmittedStatus } from './world/model.ts';
