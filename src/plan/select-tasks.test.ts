import { describe, expect, it } from "vitest";
import { parseTaskSelection } from "./select-tasks.js";

const nine = ["1", "2", "3", "4", "5", "6", "7", "8", "9"];

describe("parseTaskSelection", () => {
  it("selects every task when the input is empty or blank", () => {
    expect(parseTaskSelection("", nine)).toEqual(nine);
    expect(parseTaskSelection("  \n ", nine)).toEqual(nine);
  });

  it("selects nothing, without an error, when the input is empty and there are no tasks", () => {
    expect(parseTaskSelection("", [])).toEqual([]);
  });

  it("reads single ids and ranges", () => {
    expect(parseTaskSelection("1,3,5-7", nine)).toEqual(["1", "3", "5", "6", "7"]);
  });

  it("allows spaces around entries and inside ranges", () => {
    expect(parseTaskSelection(" 1 , 3,  5 - 7 ", nine)).toEqual(["1", "3", "5", "6", "7"]);
  });

  it("sorts ascending and removes duplicates and overlapping ranges", () => {
    expect(parseTaskSelection("7,1-3,2,3-4,1", nine)).toEqual(["1", "2", "3", "4", "7"]);
  });

  it("accepts a one-id range and an en dash", () => {
    expect(parseTaskSelection("4-4,6–7", nine)).toEqual(["4", "6", "7"]);
  });

  it("ignores empty entries between commas", () => {
    expect(parseTaskSelection("1,,3,", nine)).toEqual(["1", "3"]);
  });

  it("reads leading zeros as the number", () => {
    expect(parseTaskSelection("03", nine)).toEqual(["3"]);
  });

  it.each(["5-x", "x", "#3", "1.5", "-3", "3-", "1-2-3", "1 2", "task 1"])(
    "rejects the malformed entry %j, naming the input and the entry",
    (entry) => {
      expect(() => parseTaskSelection(`1,${entry}`, nine)).toThrow(
        `Input "tasks" has an invalid entry "${entry}" in "1,${entry}": expected task ids like 1,3,5-7`,
      );
    },
  );

  it("rejects a reversed range and shows the intended one", () => {
    expect(() => parseTaskSelection("7-5", nine)).toThrow(
      'Input "tasks" has a reversed range "7-5" in "7-5": write it as 5-7',
    );
  });

  it("rejects an id the master issue does not have, listing the available ids", () => {
    expect(() => parseTaskSelection("2,12", nine)).toThrow(
      'Input "tasks" selects task 12 (entry "12" in "2,12"), but the master issue has tasks 1-9',
    );
  });

  it("names the first missing id of a range", () => {
    expect(() => parseTaskSelection("8-11", nine)).toThrow(
      'Input "tasks" selects task 10 (entry "8-11" in "8-11"), but the master issue has tasks 1-9',
    );
  });

  it("rejects task 0", () => {
    expect(() => parseTaskSelection("0", nine)).toThrow("selects task 0");
  });

  it("rejects a huge range without walking it", () => {
    expect(() => parseTaskSelection("1-999999999", nine)).toThrow("selects task 10");
  });

  it("describes gaps in the available ids", () => {
    expect(() => parseTaskSelection("4", ["1", "2", "3", "5", "7", "8"])).toThrow("has tasks 1-3, 5, 7-8");
  });

  it("says when the master issue has no tasks at all", () => {
    expect(() => parseTaskSelection("1", [])).toThrow("but the master issue has no tasks");
  });

  it("rejects a selection of nothing", () => {
    expect(() => parseTaskSelection(" , ,", nine)).toThrow(
      'Input "tasks" selects no task in ", ,": expected task ids like 1,3,5-7',
    );
  });
});
