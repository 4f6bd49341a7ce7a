export * from "./structures";
export * from "./staff";
export * from "./sessions";
export * from "./audit";
export * from "./usagers";
export * from "./courrier";
export * from "./portail";
