null.property;
