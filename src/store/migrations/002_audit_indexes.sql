-- Changes by effective date: upcoming changes, and the catalog right after a decision.
CREATE INDEX versions_by_effective ON versions (effective);
