import type { Recipe } from "../recipe.ts";
import { leadIntake } from "./lead-intake/index.ts";

/** Every recipe the engine can run, by name. */
export const RECIPES: ReadonlyMap<string, Recipe> = new Map([[leadIntake.name, leadIntake]]);
