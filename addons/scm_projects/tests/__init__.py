from . import test_project_core
# [areas] each area appends its own test modules below
# elements
from . import test_elements_documents
from . import test_elements_element
