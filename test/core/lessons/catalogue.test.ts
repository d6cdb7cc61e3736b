import { describe, expect, it } from 'vitest';
import { EXPLAINED_BY, LESSONS, LESSON_COUNT, LESSON_TARGETS, lessonInfo } from '../../../src/core/lessons/catalogue';
import { GLOSSARY } from '../../../src/core/glossary';

describe('lesson catalogue', () => {
  it('numbers the ten lessons 1..10 in order, each pointing at known targets', () => {
    expect(LESSON_COUNT).toBe(10);
    expect(LESSONS.map((l) => l.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const l of LESSONS) {
      expect(l.targets.length).toBeGreaterThan(0);
      for (const t of l.targets) expect(LESSON_TARGETS).toContain(t);
    }
    expect(lessonInfo(3)?.title).toMatch(/weight sharing/);
    expect(lessonInfo(0)).toBeNull();
    expect(lessonInfo(11)).toBeNull();
  });

  it('explains every target with a lesson that highlights it', () => {
    for (const t of LESSON_TARGETS) expect(lessonInfo(EXPLAINED_BY[t])?.targets).toContain(t);
  });

  it('links every glossary term to an existing lesson', () => {
    for (const entry of Object.values(GLOSSARY)) {
      expect(lessonInfo(entry.lesson), entry.term).not.toBeNull();
      expect(entry.definition.length).toBeGreaterThan(20);
    }
  });
});
