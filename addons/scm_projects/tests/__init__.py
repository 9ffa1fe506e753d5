from . import test_project_core
# [areas] each area appends its own test modules below
