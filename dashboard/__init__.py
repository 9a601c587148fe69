"""What people see: the Streamlit app and its views."""
