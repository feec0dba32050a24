"""The build around dbt (./scripts/build): seed files checked before dbt reads them, the build
state that decides what to rebuild, verification of a built file, and printing failed tests."""
