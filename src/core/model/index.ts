export * from './meta';
export * from './core';
export * from './discovery';
export * from './networking';
export * from './gateway';
export * from './admin-policy';
export * from './exercise';
export * from './world';
